package org.medkarta.conversation.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.conversation.AttachedFile;
import org.medkarta.conversation.CallView;
import org.medkarta.conversation.IceServer;
import org.medkarta.conversation.MessageView;

/** The JSON shapes of the conversations API and of the page's own requests. */
final class Json {

    private Json() {}

    /** {@code {text}}. */
    record TextBody(String text) {}

    /** {@code {upTo?}}: the id of the last message read; all of them when absent. */
    record ReadBody(String upTo) {}

    /**
     * A message: {@code {id, seq, authorId, authorName, authorRole, text, sentAt, files: [{id, name,
     * mediaType, size}]}}; {@code authorRole} is {@code REPRESENTATIVE} for someone acting for the
     * patient.
     */
    record Message(
            UUID id,
            long seq,
            UUID authorId,
            String authorName,
            String authorRole,
            String text,
            Instant sentAt,
            List<File> files) {

        static Message of(MessageView view) {
            return new Message(
                    view.id(),
                    view.seq(),
                    view.authorId().value(),
                    view.authorName(),
                    view.authorRole(),
                    view.text(),
                    view.sentAt(),
                    view.files().stream().map(File::of).toList());
        }
    }

    record File(UUID id, String name, String mediaType, long size) {

        static File of(AttachedFile file) {
            return new File(file.id().value(), file.name(), file.mediaType(), file.size());
        }
    }

    /** {@code {unread, readSeq}}. */
    record Unread(long unread, long readSeq) {}

    /** {@code {id, mode, startedBy, startedAt, endedAt, durationSeconds}}. */
    record Call(UUID id, String mode, UUID startedBy, Instant startedAt, Instant endedAt, Long durationSeconds) {

        static Call of(CallView call) {
            return new Call(
                    call.id(),
                    call.mode().name(),
                    call.startedBy().value(),
                    call.startedAt(),
                    call.endedAt(),
                    call.duration() == null ? null : call.duration().toSeconds());
        }
    }

    /**
     * {@code {iceServers: [{urls, username?, credential?}], iceTransportPolicy}}, ready for {@code new
     * RTCPeerConnection}.
     */
    record IceServers(List<IceServer> iceServers, String iceTransportPolicy) {}
}
