package org.medkarta.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ProtocolSigningPolicies;
import org.medkarta.files.FileContent;
import org.medkarta.files.FileId;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.identity.AccountSnils;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.SignatureStamp;
import org.medkarta.shared.Snils;
import org.medkarta.signature.CertificateView;
import org.medkarta.signature.Signatures;
import org.medkarta.signature.SignedDocuments;
import org.medkarta.signature.SigningKey;
import org.medkarta.signature.Trust;
import org.medkarta.signature.Verdict;
import org.medkarta.signature.VerdictReason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The doctor signs the protocol (SPEC D9, issue 16; seed 004: «Выберите подпись, нажмите "Подписать
 * протокол"»). The PDF must show the signature's stamp and the QR code of its verification page, yet
 * the signature covers the PDF's exact bytes, so signing goes in two steps: a <em>draft</em> checks
 * the content exactly as sending does and the chosen certificate against the doctor's SNILS,
 * reserves the signed document and renders the PDF with its stamp; the doctor's token (or the
 * doctor's key on the server) signs those bytes; the signature is verified against the clinic's
 * trust anchors before the protocol is sent by the one send path, and the PDF and the {@code .sig}
 * are kept. When the clinic co-signs, its server key signs the same bytes too.
 */
@Service
public class ProtocolSigning {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** A protocol ready to be signed: the exact PDF bytes the signature must cover. */
    public record Draft(
            UUID consultationId, UUID documentId, String verifyUrl, byte[] pdf, CertificateView certificate) {}

    private final ConsultationAccess consultations;
    private final ProtocolContent content;
    private final ProtocolSending sending;
    private final ProtocolDrafts drafts;
    private final ProtocolSignatures signed;
    private final Files files;
    private final ClinicCatalogue clinics;
    private final ProtocolSigningPolicies policies;
    private final AccountSnils snils;
    private final Signatures signatures;
    private final SignedDocuments documents;
    private final Clock clock;

    ProtocolSigning(
            ConsultationAccess consultations,
            ProtocolContent content,
            ProtocolSending sending,
            ProtocolDrafts drafts,
            ProtocolSignatures signed,
            Files files,
            ClinicCatalogue clinics,
            ProtocolSigningPolicies policies,
            AccountSnils snils,
            Signatures signatures,
            SignedDocuments documents,
            Clock clock) {
        this.consultations = consultations;
        this.content = content;
        this.sending = sending;
        this.drafts = drafts;
        this.signed = signed;
        this.files = files;
        this.clinics = clinics;
        this.policies = policies;
        this.snils = snils;
        this.signatures = signatures;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * Drafts the protocol for a certificate on the doctor's token: checks the content as sending
     * does, refuses a certificate that is not the doctor's (by SNILS) and renders the PDF to sign.
     *
     * @param certificate the chosen certificate (DER, PEM or base64 of DER)
     * @throws InvalidInput naming the field, {@code certificate} when none was chosen
     * @throws ConsultationRefusal {@code snils-missing}, {@code signature-invalid} ({@code
     *     SIGNER_MISMATCH}), and the refusals of sending
     */
    @Transactional
    public Draft draft(SignedInUser user, UUID id, ProtocolForm form, List<Upload> uploads, byte[] certificate) {
        var consultation = consultations.visible(user, id);
        consultation.checkProtocol(user);
        var checked = content.check(consultation, form, uploads);
        if (certificate == null || certificate.length == 0) {
            throw new InvalidInput("certificate", "consultation.signature.choose-certificate");
        }
        Snils doctor = doctorSnils(user);
        CertificateView view = signatures.describe(certificate);
        if (view.snils() == null || !view.snils().equals(doctor.digits())) {
            throw ConsultationRefusal.signatureInvalid(
                    VerdictReason.SIGNER_MISMATCH, "The certificate's SNILS is not the doctor's");
        }
        return makeDraft(user, consultation, checked, uploads, doctor, view);
    }

    /**
     * Drafts the protocol for the doctor's key on the server.
     *
     * @throws org.medkarta.signature.SignatureRefusal {@code no-signing-key} when the doctor has none
     */
    @Transactional
    public Draft draftOnServer(SignedInUser user, UUID id, ProtocolForm form, List<Upload> uploads) {
        var consultation = consultations.visible(user, id);
        consultation.checkProtocol(user);
        var checked = content.check(consultation, form, uploads);
        Snils doctor = doctorSnils(user);
        byte[] certificate = signatures
                .certificate(doctorKey(user))
                .orElseThrow(org.medkarta.signature.SignatureRefusal::noSigningKey);
        CertificateView view = signatures.describe(certificate);
        if (view.snils() == null || !view.snils().equals(doctor.digits())) {
            throw ConsultationRefusal.signatureInvalid(
                    VerdictReason.SIGNER_MISMATCH, "The server key's SNILS is not the doctor's");
        }
        return makeDraft(user, consultation, checked, uploads, doctor, view);
    }

    /**
     * Accepts the detached signature the doctor's token made over the draft's PDF: verified against
     * the clinic's trust anchors with the doctor's SNILS as the expected signer, then the protocol
     * is sent and never changes.
     *
     * @param cms a detached CMS SignedData (DER, or PEM/base64 of it)
     * @throws ConsultationRefusal {@code signature-invalid} naming the reason, {@code
     *     protocol-draft-missing}, and the refusals of sending
     */
    @Transactional
    public ProtocolView sign(SignedInUser user, UUID id, byte[] cms) {
        var consultation = consultations.visible(user, id);
        consultation.checkProtocol(user);
        if (cms == null || cms.length == 0) {
            throw new InvalidInput("signature", "validation.required");
        }
        var draft = draftOf(user, id);
        return accept(user, consultation, draft, cms);
    }

    /**
     * Signs the draft's PDF with the doctor's key on the server and sends the protocol.
     *
     * @param password the keystore's password the doctor enters
     * @throws org.medkarta.signature.SignatureRefusal {@code no-signing-key}, {@code
     *     keystore-password-wrong}, {@code signing-service-unavailable}
     */
    @Transactional
    public ProtocolView signOnServer(SignedInUser user, UUID id, char[] password) {
        var consultation = consultations.visible(user, id);
        consultation.checkProtocol(user);
        var draft = draftOf(user, id);
        byte[] pdf = files.open(new FileId(draft.pdfFileId())).content();
        byte[] cms = signatures.sign(doctorKey(user), pdf, password);
        return accept(user, consultation, draft, cms);
    }

    /** The signature of a sent protocol, for whoever may see the consultation. */
    @Transactional(readOnly = true)
    public Optional<ProtocolSignature> signature(SignedInUser user, UUID id) {
        consultations.visible(user, id);
        return signed.find(id);
    }

    /**
     * The doctor's detached signature of a signed protocol ({@code .sig}).
     *
     * @throws NotFound when the protocol is not signed
     */
    @Transactional(readOnly = true)
    public FileContent signatureFile(SignedInUser user, UUID id) {
        var signature = signature(user, id).orElseThrow(NotFound::new);
        return files.open(new FileId(signature.signatureFileId()));
    }

    /**
     * The clinic's co-signature of a signed protocol.
     *
     * @throws NotFound when the protocol is not signed or not co-signed
     */
    @Transactional(readOnly = true)
    public FileContent clinicSignatureFile(SignedInUser user, UUID id) {
        var signature = signature(user, id).filter(ProtocolSignature::coSigned).orElseThrow(NotFound::new);
        return files.open(new FileId(signature.clinicSignatureFileId()));
    }

    /** The certificate of the doctor's key on the server, if they have one: the page offers signing there. */
    @Transactional(readOnly = true)
    public Optional<CertificateView> serverCertificate(SignedInUser user) {
        return signatures.certificate(doctorKey(user)).map(signatures::describe);
    }

    /** Whether the consultation's clinic requires signed protocols. */
    @Transactional(readOnly = true)
    public boolean signatureRequired(SignedInUser user, UUID id) {
        return policies.of(consultations.visible(user, id).clinicId()).signatureRequired();
    }

    /** Whether the doctor's profile holds their SNILS, which signing needs. */
    @Transactional(readOnly = true)
    public boolean hasSnils(SignedInUser user) {
        return snils.of(user.userId()).isPresent();
    }

    // ---------------------------------------------------------------- the steps

    private Draft makeDraft(
            SignedInUser user,
            Consultation consultation,
            ProtocolContent.Checked checked,
            List<Upload> uploads,
            Snils doctor,
            CertificateView certificate) {
        Instant now = clock.instant();
        ZoneId zone = clinics.timezone(consultation.clinicId());
        String day = DATE.format(now.atZone(zone));
        var reserved = documents.reserve("PROTOCOL", consultation.clinicId(), "Протокол консультации от " + day);
        var clinic = clinics.card(consultation.clinicId());
        var protocol = new ProtocolView(
                consultation.id(),
                checked.anamnesis(),
                checked.recommendations(),
                checked.additionalRecommendations(),
                checked.diagnoses(),
                now,
                user.userId(),
                List.of());
        var stamp = new SignatureStamp(
                certificate.name(),
                certificate.serial(),
                certificate.notBefore(),
                certificate.notAfter(),
                reserved.verifyUrl());
        byte[] pdf = ProtocolPdf.render(consultation.view(now), protocol, clinic.name(), clinic.address(), zone, stamp);
        var pdfFile = files.store(FilePurpose.SIGNED_DOCUMENT, user.userId(), "pdf", fileName(now, zone), pdf);
        var fileIds = new ArrayList<UUID>();
        for (var upload : uploads) {
            fileIds.add(files.store(FilePurpose.PROTOCOL, user.userId(), "files", upload.name(), upload.content())
                    .id()
                    .value());
        }
        drafts.replace(new ProtocolDrafts.Draft(
                consultation.id(),
                checked,
                fileIds,
                reserved.id(),
                reserved.verifyUrl(),
                pdfFile.id().value(),
                doctor.digits(),
                certificate.name(),
                certificate.serial(),
                user.userId(),
                now));
        return new Draft(consultation.id(), reserved.id(), reserved.verifyUrl(), pdf, certificate);
    }

    private ProtocolView accept(SignedInUser user, Consultation consultation, ProtocolDrafts.Draft draft, byte[] cms) {
        Snils doctor = doctorSnils(user);
        var pdfFile = new FileId(draft.pdfFileId());
        byte[] pdf = files.open(pdfFile).content();
        Verdict verdict = signatures.verify(pdf, cms, new Trust(consultation.clinicId(), doctor, null));
        if (!verdict.valid()) {
            throw ConsultationRefusal.signatureInvalid(verdict.reason(), verdict.detail());
        }
        Instant now = clock.instant();
        ZoneId zone = clinics.timezone(consultation.clinicId());
        String sigName = fileName(now, zone) + ".sig";
        var sigFile = files.store(FilePurpose.SIGNATURE, user.userId(), "signature", sigName, der(cms));
        documents.file(draft.documentId(), pdfFile, sigFile.id(), verdict);
        FileId clinicSig = null;
        CertificateView clinicSigner = null;
        if (policies.of(consultation.clinicId()).coSigned()) {
            var clinicKey = new SigningKey(
                    SigningKey.Owner.CLINIC, consultation.clinicId().value());
            byte[] clinicCms = signatures.sign(clinicKey, pdf, null);
            Verdict clinicVerdict = signatures.verify(pdf, clinicCms, new Trust(consultation.clinicId(), null, null));
            if (!clinicVerdict.valid()) {
                throw ConsultationRefusal.signatureInvalid(clinicVerdict.reason(), clinicVerdict.detail());
            }
            clinicSig = files.store(
                            FilePurpose.SIGNATURE,
                            user.userId(),
                            "signature",
                            fileName(now, zone) + ".clinic.sig",
                            clinicCms)
                    .id();
            documents.file(draft.documentId(), pdfFile, clinicSig, clinicVerdict);
            clinicSigner = clinicVerdict.signer();
        }
        var signer = verdict.signer();
        var signature = new ProtocolSignature(
                draft.documentId(),
                draft.verifyUrl(),
                draft.pdfFileId(),
                sigFile.id().value(),
                clinicSig == null ? null : clinicSig.value(),
                signer.name(),
                signer.serial(),
                signer.notBefore(),
                signer.notAfter(),
                clinicSigner == null ? null : clinicSigner.name(),
                clinicSigner == null ? null : clinicSigner.serial(),
                verdict.signedAt() == null ? now : verdict.signedAt());
        var stored = files.describe(draft.fileIds().stream().map(FileId::new).toList());
        var sent = sending.send(user, consultation, draft.content(), List.of(), stored, signature);
        drafts.delete(consultation.id());
        return sent;
    }

    private ProtocolDrafts.Draft draftOf(SignedInUser user, UUID id) {
        return drafts.find(id)
                .filter(d -> d.madeBy().equals(user.userId()))
                .orElseThrow(ConsultationRefusal::draftMissing);
    }

    private Snils doctorSnils(SignedInUser user) {
        return snils.of(user.userId()).orElseThrow(ConsultationRefusal::snilsMissing);
    }

    private static SigningKey doctorKey(SignedInUser user) {
        return new SigningKey(SigningKey.Owner.DOCTOR, user.userId().value());
    }

    /** «protocol-2026-12-05.pdf»: the day the protocol was made, in the clinic's time zone. */
    static String fileName(Instant at, ZoneId zone) {
        return "protocol-" + at.atZone(zone).toLocalDate() + ".pdf";
    }

    /**
     * The signature as DER: a token's plug-in returns base64 of DER, but one may send PEM or base64
     * text, which the verifier reads too; the {@code .sig} kept is always DER.
     */
    static byte[] der(byte[] cms) {
        if (cms.length > 0 && (cms[0] & 0xFF) == 0x30) {
            return cms;
        }
        String text = new String(cms, java.nio.charset.StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z0-9 ]+-----", "")
                .replaceAll("\\s", "");
        try {
            return java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return cms;
        }
    }
}
