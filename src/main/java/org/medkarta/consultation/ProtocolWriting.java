package org.medkarta.consultation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ProtocolSigningPolicies;
import org.medkarta.files.FileId;
import org.medkarta.files.Files;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.terminology.Terminology;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The protocol of a consultation (SPEC D7, D8; seed 004): sent by the consulting doctor with its
 * ICD-10 diagnoses (none in a primary doctor-patient consultation) and files, which closes the
 * consultation; afterwards it never changes, only addenda are added; its PDF with Cyrillic text. A
 * clinic that requires signatures (issue 16) takes protocols only through {@link ProtocolSigning}.
 */
@Service
public class ProtocolWriting {

    private final ConsultationAccess access;
    private final Protocols protocols;
    private final ProtocolContent content;
    private final ProtocolSending sending;
    private final ProtocolSignatures signatures;
    private final ProtocolSigningPolicies signingPolicies;
    private final Files files;
    private final ClinicCatalogue clinics;
    private final Terminology terminology;
    private final Clock clock;

    ProtocolWriting(
            ConsultationAccess access,
            Protocols protocols,
            ProtocolContent content,
            ProtocolSending sending,
            ProtocolSignatures signatures,
            ProtocolSigningPolicies signingPolicies,
            Files files,
            ClinicCatalogue clinics,
            Terminology terminology,
            Clock clock) {
        this.access = access;
        this.protocols = protocols;
        this.content = content;
        this.sending = sending;
        this.signatures = signatures;
        this.signingPolicies = signingPolicies;
        this.files = files;
        this.clinics = clinics;
        this.terminology = terminology;
        this.clock = clock;
    }

    /**
     * Whether the ICD-10 dictionary is still empty (never imported), so the protocol form says that
     * no diagnosis can be found and how the dictionary is loaded instead of finding nothing silently.
     */
    public boolean diagnosisDictionaryEmpty() {
        return terminology.icd10Size() == 0;
    }
    /**
     * Sends the protocol, which closes the consultation; afterwards it never changes (addenda only).
     * A primary doctor-patient consultation records no diagnosis (SPEC D7, seed 004).
     *
     * @throws InvalidInput naming the field: {@code recommendations} missing, {@code diagnoses} in a
     *     primary consultation or with an unknown code, texts too long
     * @throws ConsultationRefusal {@code consultation-not-in-work}, {@code protocol-already-sent}
     */
    @Transactional
    public ProtocolView sendProtocol(SignedInUser user, UUID id, ProtocolForm form) {
        return sendProtocol(user, id, form, List.of());
    }

    /**
     * Sends the protocol with its files (PDF, DOC/DOCX, XLS/XLSX up to the files module's limit,
     * the type told from the content; seed 004: «можно также добавить файлы в формате PDF, DOC,
     * XLSX»); a wrong file refuses the whole protocol naming {@code files}.
     */
    @Transactional
    public ProtocolView sendProtocol(SignedInUser user, UUID id, ProtocolForm form, List<Upload> uploads) {
        var consultation = access.visible(user, id);
        consultation.checkProtocol(user);
        if (signingPolicies.of(consultation.clinicId()).signatureRequired()) {
            // «Протоколы подписываются электронной подписью обязательно» (issue 16): sent only signed.
            throw ConsultationRefusal.signatureRequired();
        }
        var checked = content.check(consultation, form, uploads);
        return sending.send(user, consultation, checked, uploads, List.of(), null);
    }

    /** The sent protocol, if there is one yet. */
    @Transactional(readOnly = true)
    public Optional<ProtocolView> protocol(SignedInUser user, UUID id) {
        access.visible(user, id);
        return protocols.find(id);
    }

    /**
     * Adds to a sent protocol, which itself never changes (SPEC D7).
     *
     * @throws ConsultationRefusal {@code consultation-not-closed} before the protocol is sent
     */
    @Transactional
    public ProtocolView addAddendum(SignedInUser user, UUID id, String text) {
        var consultation = access.visible(user, id);
        if (!consultation.consultedBy(user)) {
            throw ConsultationRefusal.notTheDoctor();
        }
        if (consultation.state() != ConsultationState.CLOSED) {
            throw ConsultationRefusal.notClosed();
        }
        var errors = new ArrayList<InvalidInput.FieldError>();
        String clean = FormTexts.text(text, "text", FormTexts.TEXT_LIMIT, errors);
        if (clean == null && errors.isEmpty()) {
            errors.add(new InvalidInput.FieldError("text", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        protocols.addendum(id, clean, user.userId(), clock.instant());
        return protocols.find(id).orElseThrow();
    }

    /**
     * The protocol as a PDF with Cyrillic text: clinic, doctor, patient, date, content, diagnoses
     * with codes, addenda (SPEC D8).
     *
     * @throws ConsultationRefusal {@code consultation-not-closed} before the protocol is sent
     */
    @Transactional(readOnly = true)
    public byte[] protocolPdf(SignedInUser user, UUID id) {
        var consultation = access.visible(user, id);
        var protocol = protocols.find(id).orElseThrow(ConsultationRefusal::notClosed);
        var signed = signatures.find(id);
        if (signed.isPresent()) {
            // The signature covers these exact bytes: a signed protocol is never rendered again.
            return files.open(new FileId(signed.get().pdfFileId())).content();
        }
        var clinic = clinics.card(consultation.clinicId());
        return ProtocolPdf.render(
                consultation.view(clock.instant()),
                protocol,
                clinic.name(),
                clinic.address(),
                clinics.timezone(consultation.clinicId()));
    }
}
