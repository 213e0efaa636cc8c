package org.medkarta.conversation.web;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import org.medkarta.conversation.ChatMessages;
import org.medkarta.conversation.ConversationCalls;
import org.medkarta.conversation.Signal;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.UserId;
import org.medkarta.web.PageErrors;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

/**
 * What members send over STOMP (already authorised per room by the channel interceptor): chat
 * messages, read marks and call signals. A refusal (a closed room, an empty text) goes back to the
 * sender alone on {@code /user/queue/errors} as {@code {problem, field?, detail}}.
 */
@Controller
class RoomMessaging {

    /** STOMP frames carry no language; pages show their own text for the problem's name. */
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final ChatMessages chat;
    private final ConversationCalls calls;
    private final PageErrors errors;

    RoomMessaging(ChatMessages chat, ConversationCalls calls, PageErrors errors) {
        this.chat = chat;
        this.calls = calls;
        this.errors = errors;
    }

    @MessageMapping("/rooms/{id}/messages")
    void send(@DestinationVariable String id, @Payload Json.TextBody body, Principal user) {
        chat.send(RoomParams.room(id), UserId.of(user.getName()), body == null ? null : body.text());
    }

    @MessageMapping("/rooms/{id}/read")
    void read(@DestinationVariable String id, @Payload(required = false) Json.ReadBody body, Principal user) {
        chat.markRead(
                RoomParams.room(id),
                UserId.of(user.getName()),
                body == null ? null : RoomParams.optionalId(body.upTo(), "upTo"));
    }

    @MessageMapping("/rooms/{id}/signal")
    void signal(@DestinationVariable String id, @Payload Signal signal, Principal user) {
        calls.signal(RoomParams.room(id), UserId.of(user.getName()), signal);
    }

    /** A frame whose body is not the JSON expected. */
    @MessageExceptionHandler(MessageConversionException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    Map<String, Object> unreadable() {
        return Map.of(
                "problem",
                "malformed-request",
                "field",
                "",
                "detail",
                errors.text("problem.malformed-request", RUSSIAN));
    }

    @MessageExceptionHandler
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    Map<String, Object> refused(DomainException refusal) {
        String field = refusal instanceof InvalidInput invalid ? invalid.field() : "";
        return Map.of("problem", refusal.problem(), "field", field, "detail", errors.message(refusal, RUSSIAN));
    }
}
