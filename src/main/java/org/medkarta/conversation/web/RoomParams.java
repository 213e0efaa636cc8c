package org.medkarta.conversation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.medkarta.conversation.ChatMessages;
import org.medkarta.conversation.RoomId;
import org.medkarta.files.FileContent;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Reading room ids, sending a text or a file and answering with a file, the same for the API and the pages. */
final class RoomParams {

    private RoomParams() {}

    /** A malformed room id names no room anyone is in: 404 like any other room that is not yours. */
    static RoomId room(String id) {
        try {
            return new RoomId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    static UUID optionalId(String text, String field) {
        return text == null || text.isBlank() ? null : TypedId.parse(text, field);
    }

    /** Sends the text of {@code body} (none when there is no body: the facade names the field). */
    static Json.Message send(ChatMessages chat, SignedInUser user, String id, Json.TextBody body) {
        return Json.Message.of(chat.send(room(id), user.userId(), body == null ? null : body.text()));
    }

    /** Sends a file with an optional text; an absent or empty file is refused naming {@code file}. */
    static Json.Message sendFile(ChatMessages chat, SignedInUser user, String id, MultipartFile file, String text)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInput("file", "files.validation.empty");
        }
        return Json.Message.of(
                chat.sendFile(room(id), user.userId(), text, file.getOriginalFilename(), file.getBytes()));
    }

    /**
     * The file as an attachment with the type detected when it was uploaded; {@code nosniff} keeps
     * the browser from guessing another type.
     */
    static ResponseEntity<byte[]> download(FileContent file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.file().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.file().name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }
}
