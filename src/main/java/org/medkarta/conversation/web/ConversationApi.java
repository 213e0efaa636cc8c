package org.medkarta.conversation.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.medkarta.conversation.ChatMessages;
import org.medkarta.conversation.ConversationCalls;
import org.medkarta.conversation.ConversationRooms;
import org.medkarta.files.FileId;
import org.medkarta.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The chat of a consultation over the API (ARCHITECTURE.md, "Consultations"; SPEC D4): the room of
 * a consultation has the consultation's id. Anyone who is not a member gets 404 {@code not-found},
 * whether or not the consultation exists. Real-time delivery is STOMP at {@code /ws}; these
 * endpoints are also the polling fallback ({@code ?after=}).
 */
@RestController
@Tag(name = "Consultation chat")
@PreAuthorize("isAuthenticated()")
class ConversationApi {

    private final ConversationRooms rooms;
    private final ChatMessages chat;
    private final ConversationCalls calls;

    ConversationApi(ConversationRooms rooms, ChatMessages chat, ConversationCalls calls) {
        this.rooms = rooms;
        this.chat = chat;
        this.calls = calls;
    }

    /**
     * Messages, oldest first: the latest {@code limit} (at most 200), or those after the message
     * {@code after}.
     */
    @GetMapping("/api/v1/consultations/{id}/messages")
    List<Json.Message> messages(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit) {
        return chat.messages(RoomParams.room(id), user.userId(), RoomParams.optionalId(after, "after"), limit).stream()
                .map(Json.Message::of)
                .toList();
    }

    /** Sends {@code {text}}: 201 with the message; 409 {@code room-closed}; 422 naming {@code text}. */
    @PostMapping("/api/v1/consultations/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Json.Message send(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.TextBody body) {
        return RoomParams.send(chat, user, id, body);
    }

    /**
     * Sends a file (multipart field {@code file}, optional {@code text}): PDF, DOC/DOCX, XLS/XLSX,
     * TXT, JPG or PNG of at most 5 MB, the type told from the content; 422 naming {@code file}
     * otherwise.
     */
    @PostMapping(path = "/api/v1/consultations/{id}/messages/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Json.Message sendFile(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "text", required = false) String text)
            throws IOException {
        return RoomParams.sendFile(chat, user, id, file, text);
    }

    /** A file sent in the consultation's chat. */
    @GetMapping("/api/v1/consultations/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String fileId) {
        return RoomParams.download(chat.file(RoomParams.room(id), user.userId(), FileId.of(fileId)));
    }

    /** How many messages of others the caller has not read, and their read mark. */
    @GetMapping("/api/v1/consultations/{id}/messages/unread")
    Json.Unread unread(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var room = RoomParams.room(id);
        return new Json.Unread(chat.unread(room, user.userId()), chat.readMark(room, user.userId()));
    }

    /** Marks the chat read up to {@code upTo} (a message id), or entirely without it. */
    @PostMapping("/api/v1/consultations/{id}/messages/read")
    Json.Unread read(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody(required = false) Json.ReadBody body) {
        var room = RoomParams.room(id);
        long unread =
                chat.markRead(room, user.userId(), body == null ? null : RoomParams.optionalId(body.upTo(), "upTo"));
        return new Json.Unread(unread, chat.readMark(room, user.userId()));
    }

    /** The calls of the consultation: start, end and duration of each. */
    @GetMapping("/api/v1/consultations/{id}/calls")
    List<Json.Call> calls(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var room = RoomParams.room(id);
        rooms.roomFor(room, user.userId());
        return calls.calls(room).stream().map(Json.Call::of).toList();
    }

    /**
     * The ICE servers for the caller's calls: STUN, and TURN with credentials valid for a limited
     * time (coturn {@code use-auth-secret}).
     */
    @GetMapping("/api/v1/ice-servers")
    Json.IceServers iceServers(@AuthenticationPrincipal SignedInUser user) {
        return new Json.IceServers(calls.iceServers(user.userId()), calls.iceTransportPolicy());
    }
}
