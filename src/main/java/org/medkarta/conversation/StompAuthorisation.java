package org.medkarta.conversation;

import java.security.Principal;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkarta.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Authorises every STOMP frame a client sends (SPEC D4: the patient, a representative with full
 * control, the doctor — nobody else):
 *
 * <ul>
 *   <li>CONNECT takes the browser's signed-in session from the WebSocket handshake, or a bearer
 *       access token in the CONNECT frame's {@code Authorization} header (API clients); a bad token
 *       is refused. A connection with neither is anonymous: a waiting-room board (SPEC C9).
 *   <li>SUBSCRIBE is allowed to {@code /topic/public.…} for anyone, anonymous too: those topics
 *       carry only what a public screen shows (a walk-in board's numbers and rooms); to {@code
 *       /topic/rooms.{id}} for members of the room and to the person's own {@code /user/queue/...};
 *       to nothing else.
 *   <li>SEND is allowed to {@code /app/rooms/{id}/...} for members of the room; to nothing else, so
 *       nobody publishes to a topic directly.
 * </ul>
 *
 * A refused frame ends the connection with an ERROR frame saying {@code not-found}, as the API
 * answers 404. The {@link #deliveryGuard()} checks each delivery to a room topic once more, so a
 * member removed after subscribing, or a representative whose right ended, gets nothing further
 * (see {@link RoomAccess} for the few seconds a positive answer is remembered for deliveries).
 * SUBSCRIBE and SEND are decided afresh for each frame: the patient's own account, a parent of a
 * child under 15 and a grantee with full control take part while the access module says they may
 * act for the room's patient.
 */
@Component
class StompAuthorisation implements ChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StompAuthorisation.class);
    private static final Pattern ROOM_TOPIC = Pattern.compile("/topic/rooms\\.([0-9a-fA-F-]{36})");
    private static final Pattern ROOM_SEND = Pattern.compile("/app/rooms/([0-9a-fA-F-]{36})/[a-z]+");
    private static final Pattern PUBLIC_TOPIC = Pattern.compile("/topic/public\\.[a-z-]+\\.[0-9a-fA-F-]{36}");
    private final RoomAccess access;
    private final Presence presence;
    private final JwtDecoder tokens;
    private final Converter<Jwt, AbstractAuthenticationToken> authentication;

    StompAuthorisation(
            RoomAccess access,
            Presence presence,
            JwtDecoder tokens,
            Converter<Jwt, AbstractAuthenticationToken> authentication) {
        this.access = access;
        this.presence = presence;
        this.tokens = tokens;
        this.authentication = authentication;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        var accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        StompCommand command = accessor.getCommand();
        switch (command) {
            case CONNECT, STOMP -> connect(accessor);
            case SUBSCRIBE -> subscribe(accessor);
            case SEND -> send(accessor);
            case DISCONNECT -> presence.disconnected(accessor.getSessionId());
            default -> {}
        }
        return message;
    }

    private void connect(StompHeaderAccessor accessor) {
        Principal user = accessor.getUser();
        if (user == null) {
            String header = accessor.getFirstNativeHeader("Authorization");
            if (header == null) {
                // Anonymous: it may subscribe to public topics only (see subscribe).
                return;
            }
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw refused("CONNECT with an Authorization header that is not a bearer token");
            }
            try {
                Authentication verified =
                        authentication.convert(tokens.decode(header.substring(7).strip()));
                accessor.setUser(verified);
                user = verified;
            } catch (JwtException | IllegalArgumentException e) {
                throw refused("CONNECT with a bad token: " + e.getMessage());
            }
        }
        presence.connected(accessor.getSessionId(), userOf(user));
    }

    private void subscribe(StompHeaderAccessor accessor) {
        String destination = accessor.getDestination();
        if (destination != null && PUBLIC_TOPIC.matcher(destination).matches()) {
            return;
        }
        UserId user = requireUser(accessor);
        if (destination == null) {
            throw refused("SUBSCRIBE without a destination");
        }
        if (destination.startsWith("/user/queue/")) {
            return;
        }
        Matcher room = ROOM_TOPIC.matcher(destination);
        if (!room.matches() || !admitted(roomId(room), user)) {
            throw refused("SUBSCRIBE to " + destination + " by " + user.value());
        }
        presence.subscribed(accessor.getSessionId(), roomId(room));
    }

    private void send(StompHeaderAccessor accessor) {
        UserId user = requireUser(accessor);
        String destination = accessor.getDestination();
        Matcher room = destination == null ? null : ROOM_SEND.matcher(destination);
        if (room == null
                || !room.matches()
                || access.participant(roomId(room), user).isEmpty()) {
            throw refused("SEND to " + destination + " by " + user.value());
        }
    }

    /** Decided afresh; someone acting for the room's patient is stored as a member, so signals reach them. */
    private boolean admitted(RoomId room, UserId user) {
        try {
            access.admit(room, user);
            return true;
        } catch (org.medkarta.shared.NotFound refused) {
            return false;
        }
    }

    private UserId requireUser(StompHeaderAccessor accessor) {
        Principal user = accessor.getUser();
        if (user == null) {
            throw refused(accessor.getCommand() + " before CONNECT");
        }
        return userOf(user);
    }

    private static UserId userOf(Principal user) {
        return UserId.of(user.getName());
    }

    private static RoomId roomId(Matcher room) {
        return new RoomId(UUID.fromString(room.group(1)));
    }

    private static MessageDeliveryException refused(String why) {
        log.info("STOMP frame refused: {}", why);
        return new MessageDeliveryException("not-found");
    }

    /** Checks every delivery to a room topic against the room's current members. */
    ChannelInterceptor deliveryGuard() {
        return new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                var accessor = SimpMessageHeaderAccessor.wrap(message);
                if (accessor.getMessageType() != SimpMessageType.MESSAGE || accessor.getDestination() == null) {
                    return message;
                }
                Matcher room = ROOM_TOPIC.matcher(accessor.getDestination());
                if (!room.matches()) {
                    return message;
                }
                UserId user = presence.user(accessor.getSessionId()).orElse(null);
                return user != null && access.mayReceive(roomId(room), user) ? message : null;
            }
        };
    }
}
