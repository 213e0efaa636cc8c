package org.medkarta.conversation.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkarta.conversation.ChatMessages;
import org.medkarta.conversation.ConversationCalls;
import org.medkarta.files.FileId;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.web.PageErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
 * What the chat and call panel asks of the server with the browser's session (and its CSRF token):
 * the polling fallback when WebSocket is blocked, sending without WebSocket, file uploads and
 * downloads, read marks and the ICE servers. The same rules as the API: members only, 404 for
 * anyone else. Refusals come back as {@code {problem, field?, detail}} in the person's language, so
 * the panel shows the message beside the input.
 */
@RestController
@PreAuthorize("isAuthenticated()")
class RoomRequests {

    private final ChatMessages chat;
    private final ConversationCalls calls;
    private final PageErrors errors;

    RoomRequests(ChatMessages chat, ConversationCalls calls, PageErrors errors) {
        this.chat = chat;
        this.calls = calls;
        this.errors = errors;
    }

    @GetMapping(path = "/conversations/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Json.Message> messages(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) Long afterSeq,
            @RequestParam(defaultValue = "100") int limit) {
        var room = RoomParams.room(id);
        var messages = afterSeq == null
                ? chat.messages(room, user.userId(), null, limit)
                : chat.messagesAfter(room, user.userId(), afterSeq, limit);
        return messages.stream().map(Json.Message::of).toList();
    }

    @PostMapping(path = "/conversations/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Json.Message send(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.TextBody body) {
        return RoomParams.send(chat, user, id, body);
    }

    @PostMapping(path = "/conversations/{id}/files", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Json.Message sendFile(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "text", required = false) String text)
            throws IOException {
        return RoomParams.sendFile(chat, user, id, file, text);
    }

    @GetMapping("/conversations/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String fileId) {
        return RoomParams.download(chat.file(RoomParams.room(id), user.userId(), FileId.of(fileId)));
    }

    @PostMapping(path = "/conversations/{id}/read", produces = MediaType.APPLICATION_JSON_VALUE)
    Json.Unread read(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody(required = false) Json.ReadBody body) {
        var room = RoomParams.room(id);
        long unread =
                chat.markRead(room, user.userId(), body == null ? null : RoomParams.optionalId(body.upTo(), "upTo"));
        return new Json.Unread(unread, chat.readMark(room, user.userId()));
    }

    @GetMapping(path = "/conversations/ice-servers", produces = MediaType.APPLICATION_JSON_VALUE)
    Json.IceServers iceServers(@AuthenticationPrincipal SignedInUser user) {
        return new Json.IceServers(calls.iceServers(user.userId()), calls.iceTransportPolicy());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, Object>> refused(DomainException refusal, Locale locale) {
        var body = new LinkedHashMap<String, Object>();
        body.put("problem", refusal.problem());
        if (refusal instanceof InvalidInput invalid) {
            body.put("field", invalid.field());
            body.put("detail", errors.of(refusal, locale).get(invalid.field()));
        } else {
            body.put("detail", errors.message(refusal, locale));
        }
        return ResponseEntity.status(status(refusal.kind())).body(body);
    }

    private static HttpStatus status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case GONE -> HttpStatus.GONE;
            case LOCKED -> HttpStatus.LOCKED;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }
}
