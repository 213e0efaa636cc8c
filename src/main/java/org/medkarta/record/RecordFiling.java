package org.medkarta.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.PatientRegistered;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening records and filing entries: the one path every entry and every new version takes into
 * the record (a clinician's, a protocol's, an upload's), each announced by {@link EntryChanged} and,
 * when the patient account shows it, a notice. Package-private: the facades and this module's
 * listeners call it after the access decision was taken.
 */
@Component
class RecordFiling {

    private final Patients patients;
    private final Entries entries;
    private final AccountDirectory identity;
    private final RecordNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordFiling(
            Patients patients,
            Entries entries,
            AccountDirectory identity,
            RecordNotices notices,
            ApplicationEventPublisher events,
            Clock clock) {
        this.patients = patients;
        this.entries = entries;
        this.identity = identity;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /** Opens the record of a newly registered patient with the name and birth date they gave. */
    @ApplicationModuleListener
    void on(PatientRegistered registered) {
        patients.openIfAbsent(
                registered.patientId(),
                registered.lastName(),
                registered.firstName(),
                registered.patronymic(),
                registered.birthDate(),
                registered.at());
    }

    /**
     * Files an exam protocol that arrives from elsewhere (a consultation's protocol by event, a
     * verified upload), once per {@code sourceRef}. Not public: callers are this module's own event
     * listeners, which run after the access decision was taken where the protocol was written.
     */
    @Transactional
    UUID fileFrom(
            PatientId patient,
            EntryType type,
            Map<String, String> fields,
            String source,
            String sourceRef,
            SignedInUser author) {
        if (sourceRef != null && entries.existsBySource(sourceRef)) {
            return null;
        }
        open(patient);
        var content = EntryContent.of(type, fields, today());
        return file(patient, content, source, sourceRef, author, null);
    }

    /** A consultation protocol as an exam protocol entry (the consultation module sends it by event). */
    UUID fileConsultationProtocol(
            PatientId patient,
            UUID consultation,
            SignedInUser doctor,
            LocalDate date,
            String specialty,
            String complaints,
            String examination,
            String conclusion,
            String recommendations) {
        return fileExamProtocol(
                patient,
                "CONSULTATION",
                "consultation:" + consultation,
                doctor,
                date,
                specialty,
                complaints,
                examination,
                conclusion,
                recommendations);
    }

    /**
     * An exam protocol entry from another module's visit (a consultation, a home visit), filed once
     * by its {@code sourceRef}: the one path every protocol takes into the record.
     *
     * @return the new entry, or null when the visit's protocol was filed before
     */
    UUID fileExamProtocol(
            PatientId patient,
            String source,
            String sourceRef,
            SignedInUser doctor,
            LocalDate date,
            String specialty,
            String complaints,
            String examination,
            String conclusion,
            String recommendations) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("date", date.toString());
        fields.put("specialty", specialty);
        if (complaints != null) {
            fields.put("complaints", complaints);
        }
        fields.put("examination", examination);
        fields.put("conclusion", conclusion);
        if (recommendations != null) {
            fields.put("recommendations", recommendations);
        }
        return fileFrom(patient, EntryType.EXAM_PROTOCOL, fields, source, sourceRef, doctor);
    }

    UUID file(
            PatientId patient,
            EntryContent content,
            String source,
            String sourceRef,
            SignedInUser author,
            String reason) {
        Instant now = clock.instant();
        UUID id =
                entries.insert(patient, content, source, sourceRef, author.userId(), author.displayName(), reason, now);
        events.publishEvent(new EntryChanged(id, patient, content.type(), 1, EntryStatus.CURRENT, now));
        var probe = new Entries.Row(
                id,
                patient,
                content.type(),
                EntryStatus.CURRENT,
                1,
                content.date(),
                content.code(),
                content.title(),
                null,
                null,
                null,
                null,
                null,
                content.radiology(),
                source,
                null,
                now,
                now);
        if (probe.shownInPatientAccount()) {
            notices.entryArrived(patient, id, content.type(), content.title(), content.date());
        }
        return id;
    }

    void newVersion(
            Entries.Row current, EntryStatus status, EntryContent content, SignedInUser clinician, String reason) {
        Instant now = clock.instant();
        if (!entries.newVersion(current, status, content, clinician.userId(), clinician.displayName(), reason, now)) {
            throw new OptimisticLockingFailureException("entry " + current.id() + " changed meanwhile");
        }
        events.publishEvent(new EntryChanged(
                current.id(), current.patientId(), current.type(), current.version() + 1, status, now));
    }

    /** Opens the record if it is not yet (the registration event may still be on its way). */
    void ensureOpen(PatientId patient) {
        open(patient);
    }

    /** The record's patient row, opened from the account on first use. */
    Patients.Row open(PatientId patient) {
        return patients.find(patient).orElseGet(() -> {
            AccountView account = identity.patient(patient).orElseThrow(NotFound::new);
            patients.openIfAbsent(
                    patient,
                    account.lastName(),
                    account.firstName(),
                    account.patronymic(),
                    account.birthDate(),
                    clock.instant());
            return patients.find(patient).orElseThrow(NotFound::new);
        });
    }

    PatientHeader patientHeader(Patients.Row patient) {
        return PatientHeader.of(
                patient.lastName(),
                patient.firstName(),
                patient.patronymic(),
                patient.birthDate(),
                patient.sex(),
                today());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
