package org.medkarta.clinic;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's offer and informed voluntary consent (SPEC B2): published as numbered versions that stay
 * readable, shown as a page or a PDF with the placeholders filled, and each patient's acceptance of
 * the current versions with its time and address, which booking asks for. Only the clinic's
 * administrators publish; reading a published version is public.
 */
@Service
public class OfferAndConsent {

    private final Clinics clinics;
    private final Documents documents;
    private final AccountDirectory identity;
    private final ClinicAccess access;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OfferAndConsent(
            Clinics clinics,
            Documents documents,
            AccountDirectory identity,
            ClinicAccess access,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clinics = clinics;
        this.documents = documents;
        this.identity = identity;
        this.access = access;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes a new version of the clinic's offer or consent; earlier versions stay readable and
     * patients accept the new one before their next booking.
     *
     * @param text formatted text (see the pages' help) with the placeholders {@code {{clinic}}},
     *     {@code {{patient}}} and {@code {{date}}}
     */
    @Transactional
    public DocumentVersion publish(SignedInUser actor, ClinicId clinic, DocumentKind kind, String text) {
        access.administer(actor, clinic);
        var errors = new FieldErrors();
        String body = Fields.text(text, "text", 100_000, true, errors);
        errors.throwIfAny();
        var now = clock.instant();
        int version = documents.publish(clinic, kind, body, actor.userId(), now);
        events.publishEvent(new DocumentPublished(clinic, kind, version, actor.userId(), now));
        return documents.find(clinic, kind, version).orElseThrow();
    }

    /** Every published version of a document, newest first; public. */
    @Transactional(readOnly = true)
    public List<DocumentVersion> versions(ClinicId clinic, DocumentKind kind) {
        access.requireClinic(clinic);
        return documents.versions(clinic, kind);
    }

    /** One published version; public. */
    @Transactional(readOnly = true)
    public DocumentVersion version(ClinicId clinic, DocumentKind kind, int version) {
        return documents.find(clinic, kind, version).orElseThrow(NotFound::new);
    }

    /** The current version of a document, if one is published. */
    @Transactional(readOnly = true)
    public Optional<DocumentVersion> current(ClinicId clinic, DocumentKind kind) {
        return documents.latest(clinic, kind);
    }

    /** The current versions of the clinic's offer and consent. */
    @Transactional(readOnly = true)
    public ClinicDocuments currentDocuments(ClinicId clinic) {
        return new ClinicDocuments(
                documents
                        .latest(clinic, DocumentKind.OFFER)
                        .map(DocumentVersion::version)
                        .orElse(null),
                documents
                        .latest(clinic, DocumentKind.CONSENT)
                        .map(DocumentVersion::version)
                        .orElse(null));
    }

    /**
     * Whether the patient accepted the current version of every document the clinic published
     * (SPEC B2); true when the clinic published none.
     */
    @Transactional(readOnly = true)
    public boolean hasAccepted(PatientId patient, ClinicId clinic) {
        return documents.acceptedAllLatest(patient, clinic);
    }

    /**
     * Records that the patient accepts the clinic's current offer and consent, with the time and the
     * address the acceptance came from; accepting again changes nothing.
     */
    @Transactional
    public DocumentsAccepted accept(PatientId patient, ClinicId clinic, String clientAddress) {
        access.requireClinic(clinic);
        var current = currentDocuments(clinic);
        var now = clock.instant();
        String address =
                clientAddress == null ? "unknown" : clientAddress.substring(0, Math.min(64, clientAddress.length()));
        for (DocumentKind kind : DocumentKind.values()) {
            Integer version = current.version(kind);
            if (version != null) {
                documents.accept(patient, clinic, kind, version, now, address);
            }
        }
        var accepted =
                new DocumentsAccepted(patient, clinic, current.offerVersion(), current.consentVersion(), address, now);
        events.publishEvent(accepted);
        return accepted;
    }

    /** A patient's acceptances of one clinic's documents, newest first. */
    @Transactional(readOnly = true)
    public List<Acceptance> acceptances(PatientId patient, ClinicId clinic) {
        return documents.acceptances(patient, clinic);
    }

    /**
     * The signed-in patient's own acceptances of the clinics' informed voluntary consent (ИДС), at
     * every clinic, newest first: like the acceptance state of the documents API, only for the
     * patient themself; anyone without a record of their own gets none.
     */
    @Transactional(readOnly = true)
    public List<PatientAcceptance> consentAcceptances(SignedInUser patient) {
        if (patient == null || patient.patientId() == null) {
            return List.of();
        }
        return documents.acceptances(patient.patientId(), DocumentKind.CONSENT);
    }

    /**
     * The document as XHTML for a page, the placeholders filled; {@code {{patient}}} is the reader's
     * name when a patient reads it, a blank line otherwise.
     */
    @Transactional(readOnly = true)
    public String documentHtml(DocumentVersion document, SignedInUser reader, Locale locale) {
        return DocumentText.toXhtml(document.text(), placeholders(document, patientName(reader), locale));
    }

    /** The document as a PDF with Cyrillic text, the placeholders filled as for {@link #documentHtml}. */
    @Transactional(readOnly = true)
    public byte[] documentPdf(DocumentVersion document, SignedInUser reader, Locale locale) {
        String patientName = patientName(reader);
        var clinic = clinics.find(document.clinicId()).orElseThrow(NotFound::new);
        String title = text("clinic.document." + document.kind().name().toLowerCase(Locale.ROOT), locale);
        String subtitle = text("clinic.document.pdf-subtitle", locale)
                .formatted(
                        clinic.name(),
                        document.version(),
                        DateTimeFormatter.ISO_LOCAL_DATE.format(
                                document.publishedAt().atZone(ZoneId.of(clinic.timezone()))));
        return DocumentPdf.render(
                title, subtitle, DocumentText.toXhtml(document.text(), placeholders(document, patientName, locale)));
    }

    private Map<String, String> placeholders(DocumentVersion document, String patientName, Locale locale) {
        var clinic = clinics.find(document.clinicId()).orElseThrow(NotFound::new);
        var values = new HashMap<String, String>();
        values.put("clinic", clinic.name());
        values.put(
                "date",
                DateTimeFormatter.ofPattern("dd.MM.yyyy", locale)
                        .format(clock.instant().atZone(ZoneId.of(clinic.timezone()))));
        if (patientName != null) {
            values.put("patient", patientName);
        }
        return values;
    }

    private String patientName(SignedInUser reader) {
        if (reader == null || reader.patientId() == null) {
            return null;
        }
        return identity.account(reader.userId())
                .map(account -> String.join(
                                " ",
                                account.lastName(),
                                account.firstName(),
                                account.patronymic() == null ? "" : account.patronymic())
                        .strip())
                .orElse(null);
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
