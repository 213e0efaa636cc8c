package org.medkarta.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.UserId;

/**
 * A chat message.
 *
 * @param seq its place in the room, from 1; later messages have larger numbers
 * @param authorRole the author's role label in the room, such as {@code PATIENT}, {@code DOCTOR} or
 *     {@code REPRESENTATIVE} (someone acting for the patient), shown beside the name
 * @param text what was written; empty when only files were sent
 */
public record MessageView(
        UUID id,
        RoomId roomId,
        long seq,
        UserId authorId,
        String authorName,
        String authorRole,
        String text,
        Instant sentAt,
        List<AttachedFile> files) {

    public MessageView {
        files = List.copyOf(files);
    }
}
