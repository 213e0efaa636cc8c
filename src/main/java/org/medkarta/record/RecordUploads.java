package org.medkarta.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.files.FileContent;
import org.medkarta.files.FileId;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patient uploads (SPEC E5): JPG, PNG or PDF up to 5 MB, the type told from the content by the
 * files module. A document is filed in the record at once; an uploaded vaccination waits in the
 * verification queue of the patient's doctors and enters the record only when one verifies it.
 */
@Service
public class RecordUploads {

    private final PatientUploads uploads;
    private final RecordFiling filing;
    private final Files files;
    private final RecordAccess access;
    private final RecordNotices notices;
    private final Clock clock;

    RecordUploads(
            PatientUploads uploads,
            RecordFiling filing,
            Files files,
            RecordAccess access,
            RecordNotices notices,
            Clock clock) {
        this.uploads = uploads;
        this.filing = filing;
        this.files = files;
        this.access = access;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Stores an upload. Every wrong field is named: {@code file} when it is empty, over 5 MB or not
     * a JPG, PNG or PDF by its content; {@code kind}, {@code title}, {@code vaccine}, {@code date}.
     */
    @Transactional
    public UploadView upload(
            AccessDecision decision, SignedInUser actor, UploadForm form, String fileName, byte[] content) {
        RecordRules.expect(decision, RecordAction.CONTRIBUTE);
        filing.ensureOpen(decision.patient());
        var errors = new FieldErrors();
        UploadKind kind = null;
        try {
            kind = form.kind() == null || form.kind().isBlank()
                    ? UploadKind.DOCUMENT
                    : UploadKind.valueOf(form.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("kind", "record.validation.upload-kind");
        }
        String mediaType = errors.check(() -> files.check(FilePurpose.PATIENT_UPLOAD, "file", content));
        String vaccine = RecordRules.blankToNull(form.vaccine());
        String series = RecordRules.blankToNull(form.series());
        LocalDate date = null;
        if (kind == UploadKind.VACCINATION) {
            if (vaccine == null) {
                errors.reject("vaccine", "validation.required");
            } else if (vaccine.length() > 300) {
                errors.reject("vaccine", "record.validation.too-long", 300);
            }
            if (series != null && series.length() > 100) {
                errors.reject("series", "record.validation.too-long", 100);
            }
            date = vaccinationDate(form.date(), errors);
        }
        String title = RecordRules.blankToNull(form.title());
        if (title == null) {
            title = kind == UploadKind.VACCINATION && vaccine != null ? vaccine : null;
        }
        if (title == null) {
            errors.reject("title", "validation.required");
        } else if (title.length() > 300) {
            errors.reject("title", "record.validation.too-long", 300);
        }
        errors.throwIfAny();
        var stored = files.store(FilePurpose.PATIENT_UPLOAD, actor.userId(), "file", fileName, content);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        var view = new UploadView(
                id,
                decision.patient(),
                null,
                kind,
                title,
                stored.name(),
                mediaType,
                stored.size(),
                vaccine,
                date,
                series,
                kind == UploadKind.VACCINATION ? UploadState.PENDING : UploadState.FILED,
                now,
                null,
                null,
                null,
                null);
        uploads.insert(view, stored.id().value(), actor.userId(), actor.displayName());
        if (kind == UploadKind.DOCUMENT) {
            var fields = new LinkedHashMap<String, String>();
            fields.put("date", LocalDate.now(clock).toString());
            fields.put("title", title);
            fields.put("fileId", stored.id().value().toString());
            UUID entry =
                    filing.fileFrom(decision.patient(), EntryType.DOCUMENT, fields, "PATIENT", "upload:" + id, actor);
            uploads.linkEntry(id, entry);
        }
        return uploads.find(decision.patient(), id).orElseThrow();
    }

    /** The patient's uploads, newest first, with where each stands. */
    @Transactional(readOnly = true)
    public List<UploadView> uploads(AccessDecision decision) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return uploads.of(decision.patient());
    }

    /** An upload's bytes, for those allowed to download from the record. */
    @Transactional(readOnly = true)
    public FileContent content(AccessDecision decision, UUID upload) {
        RecordRules.expect(decision, RecordAction.DOWNLOAD);
        UUID file = uploads.fileOf(decision.patient(), upload).orElseThrow(NotFound::new);
        return files.open(new FileId(file));
    }

    /**
     * The doctor's verification queue: pending vaccinations of the patients whose records the
     * access module lets this doctor open as their clinician.
     */
    @Transactional(readOnly = true)
    public List<UploadView> verificationQueue(SignedInUser doctor) {
        if (doctor == null || !doctor.has(Role.DOCTOR)) {
            throw new NotFound();
        }
        var waiting = uploads.pendingPatients();
        var patients =
                access.inCare(doctor, waiting).stream().map(PatientId::value).toList();
        return uploads.pendingOf(patients);
    }

    /** The doctor verifies an uploaded vaccination: it enters the record as an Immunization entry. */
    @Transactional
    public UUID verify(AccessDecision decision, SignedInUser doctor, UUID upload) {
        RecordRules.expectClinician(decision, doctor);
        var pending = uploads.find(decision.patient(), upload).orElseThrow(NotFound::new);
        if (pending.state() != UploadState.PENDING) {
            throw new UploadDecided();
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("date", pending.vaccinatedOn().toString());
        fields.put("vaccine", pending.vaccine());
        if (pending.series() != null) {
            fields.put("series", pending.series());
        }
        UUID entry = filing.fileFrom(
                decision.patient(), EntryType.VACCINATION, fields, "PATIENT_UPLOAD", "upload:" + upload, doctor);
        if (entry == null
                || !uploads.decide(
                        upload,
                        UploadState.VERIFIED,
                        doctor.userId(),
                        doctor.displayName(),
                        null,
                        entry,
                        clock.instant())) {
            throw new UploadDecided();
        }
        notices.uploadDecided(decision.patient(), true, pending.title(), null);
        return entry;
    }

    /** The doctor rejects an uploaded vaccination with a reason the patient reads. */
    @Transactional
    public void reject(AccessDecision decision, SignedInUser doctor, UUID upload, String reason) {
        RecordRules.expectClinician(decision, doctor);
        var pending = uploads.find(decision.patient(), upload).orElseThrow(NotFound::new);
        String why = RecordRules.blankToNull(reason);
        if (why == null) {
            throw new InvalidInput("reason", "record.validation.rejection-reason");
        }
        if (why.length() > 1000) {
            throw new InvalidInput("reason", "record.validation.too-long", 1000);
        }
        if (pending.state() != UploadState.PENDING
                || !uploads.decide(
                        upload,
                        UploadState.REJECTED,
                        doctor.userId(),
                        doctor.displayName(),
                        why,
                        null,
                        clock.instant())) {
            throw new UploadDecided();
        }
        notices.uploadDecided(decision.patient(), false, pending.title(), why);
    }

    private LocalDate vaccinationDate(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            errors.reject("date", "validation.required");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.isAfter(LocalDate.now(clock))) {
                errors.reject("date", "record.validation.future-date");
                return null;
            }
            if (date.isBefore(LocalDate.of(1900, 1, 1))) {
                errors.reject("date", "record.validation.date-too-early");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.reject("date", "record.validation.date");
            return null;
        }
    }
}
