package org.medkarta.consultation;

import java.util.List;
import java.util.UUID;
import org.medkarta.files.FileContent;
import org.medkarta.files.FileId;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of a request (SPEC D1, D7; seed 004 «Пациент также, как и вы, может добавить файлы к
 * обращению»): the request's side or the consulting doctor attach them until the protocol is sent;
 * the participants list and open them, checked against their checksums.
 */
@Service
public class ConsultationAttachments {

    private final ConsultationAccess access;
    private final ConsultationFiles attachments;
    private final Files files;

    ConsultationAttachments(ConsultationAccess access, ConsultationFiles attachments, Files files) {
        this.access = access;
        this.attachments = attachments;
        this.files = files;
    }

    /**
     * Attaches a file to the request: the results of examinations (seed 004: «Пациент также, как и
     * вы, может добавить файлы к обращению»), by the request's side or the consulting doctor, until
     * the protocol is sent. PDF, DOC/DOCX, XLS/XLSX, TXT, JPG, PNG, type told from the content.
     *
     * @throws InvalidInput naming {@code file}
     */
    @Transactional
    public AttachmentView attach(SignedInUser user, UUID id, Upload upload) {
        var consultation = access.visible(user, id);
        if (!consultation.describableBy(user, access.patientSide(user, consultation))
                && !consultation.consultedBy(user)) {
            throw consultation.state() == ConsultationState.CLOSED
                    ? ConsultationRefusal.protocolSent()
                    : ConsultationRefusal.notTheDoctor();
        }
        if (consultation.state() == ConsultationState.CLOSED || consultation.state() == ConsultationState.CANCELLED) {
            throw ConsultationRefusal.protocolSent();
        }
        var stored = files.store(FilePurpose.CHAT, user.userId(), "file", upload.name(), upload.content());
        attachments.add(id, "REQUEST", stored);
        return attachments.find(id, stored.id().value()).orElseThrow();
    }

    /** The request's and the protocol's files. */
    @Transactional(readOnly = true)
    public List<AttachmentView> attachments(SignedInUser user, UUID id) {
        access.visible(user, id);
        return attachments.of(id);
    }

    /** One of the consultation's files with its bytes, checked against its checksum. */
    @Transactional(readOnly = true)
    public FileContent file(SignedInUser user, UUID id, UUID file) {
        access.visible(user, id);
        attachments.find(id, file).orElseThrow(NotFound::new);
        return files.open(new FileId(file));
    }
}
