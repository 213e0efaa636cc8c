package org.medkarta.consultation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medkarta.conversation.ConversationRooms;
import org.medkarta.conversation.RoomId;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.files.StoredFile;
import org.medkarta.identity.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Sending a checked protocol (SPEC D7): closes the consultation, keeps the protocol, its files and
 * its signature, closes the chat and announces {@link ProtocolSent}. The one send path of both the
 * plain protocol ({@link ProtocolWriting}) and the signed one ({@link ProtocolSigning}); the caller
 * runs it in its transaction.
 */
@Component
class ProtocolSending {

    private final Requests requests;
    private final Protocols protocols;
    private final ProtocolSignatures signatures;
    private final ConsultationFiles attachments;
    private final Files files;
    private final ConversationRooms conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProtocolSending(
            Requests requests,
            Protocols protocols,
            ProtocolSignatures signatures,
            ConsultationFiles attachments,
            Files files,
            ConversationRooms conversations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.protocols = protocols;
        this.signatures = signatures;
        this.attachments = attachments;
        this.files = files;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param uploads files to store now, once the consultation is closed
     * @param stored files stored before (with a draft being signed)
     * @param signature null for an unsigned protocol
     * @throws ConsultationRefusal {@code protocol-already-sent} when another request sent it first
     */
    ProtocolView send(
            SignedInUser user,
            Consultation consultation,
            ProtocolContent.Checked content,
            List<Upload> uploads,
            List<StoredFile> stored,
            ProtocolSignature signature) {
        UUID id = consultation.id();
        Instant now = clock.instant();
        if (!requests.change(id, ConsultationState.IN_WORK, ConsultationState.CLOSED, "closed_at", now)) {
            throw ConsultationRefusal.protocolSent();
        }
        protocols.insert(id, content.form(), content.diagnoses(), user.userId(), now);
        var fileIds = new ArrayList<UUID>();
        for (var file : stored) {
            attachments.add(id, "PROTOCOL", file);
            fileIds.add(file.id().value());
        }
        for (var upload : uploads) {
            var file = files.store(FilePurpose.PROTOCOL, user.userId(), "files", upload.name(), upload.content());
            attachments.add(id, "PROTOCOL", file);
            fileIds.add(file.id().value());
        }
        if (signature != null) {
            signatures.insert(id, signature);
        }
        // The history stays readable; nothing new is said in a closed consultation (SPEC D4).
        conversations.close(new RoomId(id));
        events.publishEvent(new ProtocolSent(
                id,
                consultation.appointmentId(),
                consultation.patientId(),
                consultation.doctorId(),
                consultation.clinicId(),
                consultation.referringDoctorId(),
                content.anamnesis(),
                content.recommendations(),
                content.additionalRecommendations(),
                content.diagnoses(),
                List.copyOf(fileIds),
                now,
                signature));
        events.publishEvent(new ConsultationClosed(id, consultation.patientId(), consultation.doctorId(), now));
        return protocols.find(id).orElseThrow();
    }
}
