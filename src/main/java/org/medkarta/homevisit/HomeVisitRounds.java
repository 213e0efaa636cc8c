package org.medkarta.homevisit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.VisitProtocols;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.terminology.Terminology;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assigned doctor's home visits (issue 23): the visits of a day by their windows; "visited"
 * with the protocol (complaints and anamnesis, examination, an ICD-10 diagnosis of the dictionary,
 * recommendations), which the record files as an exam protocol entry by the same path as a
 * consultation's, in the same transaction; or "not at home". Only the assigned doctor sees or marks
 * a visit; anyone else is told it does not exist.
 */
@Service
public class HomeVisitRounds {

    static final int PROTOCOL_MAX = 4000;

    private final Visits visits;
    private final VisitParties parties;
    private final Terminology terminology;
    private final VisitProtocols protocols;
    private final org.medkarta.clinic.ClinicCatalogue clinics;
    private final RecordAccess access;
    private final Clock clock;

    HomeVisitRounds(
            Visits visits,
            VisitParties parties,
            Terminology terminology,
            VisitProtocols protocols,
            org.medkarta.clinic.ClinicCatalogue clinics,
            RecordAccess access,
            Clock clock) {
        this.access = access;
        this.visits = visits;
        this.parties = parties;
        this.terminology = terminology;
        this.protocols = protocols;
        this.clinics = clinics;
        this.clock = clock;
    }

    /**
     * The doctor's visits of a day, by their windows: today in the doctor's clinic when {@code day}
     * is null. Someone with no doctor profile gets an empty list.
     */
    @Transactional(readOnly = true)
    public List<HomeVisitView> assigned(SignedInUser actor, LocalDate day) {
        var profiles = parties.doctorProfiles(actor);
        if (profiles.isEmpty()) {
            return List.of();
        }
        LocalDate wanted = day != null
                ? day
                : LocalDate.ofInstant(
                        clock.instant(), clinics.timezone(profiles.get(0).clinicId()));
        return visits.ofDoctors(profiles.stream().map(p -> p.id()).toList(), wanted).stream()
                .map(parties::view)
                .toList();
    }

    /**
     * One of the doctor's visits, for the protocol form.
     *
     * @throws NotFound unless the person is the visit's doctor
     */
    @Transactional(readOnly = true)
    public HomeVisitView visit(SignedInUser actor, UUID id) {
        var row = visits.find(id).orElseThrow(NotFound::new);
        parties.doctorOf(actor, row).orElseThrow(NotFound::new);
        return parties.view(row);
    }

    /**
     * Marks the visit made and files its protocol in the patient's record.
     *
     * @throws NotFound unless the person is the visit's doctor
     * @throws InvalidInput {@code examination}, {@code recommendations} (required), {@code diagnosis}
     *     (required, a diagnosis code of the ICD-10 dictionary), texts up to 4000 characters
     * @throws HomeVisitRefusal {@code home-visit-closed} when it is not (or no longer) assigned
     */
    @Transactional
    public HomeVisitView visited(SignedInUser actor, UUID id, VisitReport report) {
        var row = visits.find(id).orElseThrow(NotFound::new);
        DoctorId doctor =
                parties.doctorOf(actor, row).orElseThrow(NotFound::new).id();
        var errors = new FieldErrors();
        String complaints = text(report.complaints(), "complaints", false, errors);
        String examination = text(report.examination(), "examination", true, errors);
        String recommendations = text(report.recommendations(), "recommendations", true, errors);
        org.medkarta.terminology.Icd10Entry diagnosis = null;
        if (report.diagnosis() == null || report.diagnosis().isBlank()) {
            errors.reject("diagnosis", "validation.required");
        } else {
            diagnosis = terminology
                    .icd10(report.diagnosis().strip().toUpperCase(java.util.Locale.ROOT))
                    .filter(org.medkarta.terminology.Icd10Entry::diagnosis)
                    .orElse(null);
            if (diagnosis == null) {
                errors.reject(
                        "diagnosis",
                        "homevisit.validation.diagnosis",
                        report.diagnosis().strip());
            }
        }
        errors.throwIfAny();
        // The assigned doctor cares for the patient ({@link HomeVisitCare}): the protocol is written
        // into the record by the one policy point's decision, audited like any clinician's entry.
        var decision = access.require(actor, row.patientId(), RecordAction.WRITE);
        Instant now = clock.instant();
        if (!visits.close(id, HomeVisitState.ASSIGNED, HomeVisitState.VISITED, actor.userId(), now)) {
            throw HomeVisitRefusal.closed();
        }
        LocalDate date = LocalDate.ofInstant(now, clinics.timezone(row.clinicId()));
        var entry = protocols.fileHomeVisit(
                decision,
                id,
                doctor,
                date,
                new VisitProtocols.VisitProtocol(
                        complaints == null ? row.reason() : complaints,
                        examination,
                        diagnosis.code() + " " + diagnosis.name(),
                        recommendations));
        visits.protocol(id, complaints, examination, diagnosis.code(), diagnosis.name(), recommendations, entry);
        return parties.view(visits.find(id).orElseThrow());
    }

    /**
     * The doctor came and found no one at home.
     *
     * @throws NotFound unless the person is the visit's doctor
     * @throws HomeVisitRefusal {@code home-visit-closed} when it is not (or no longer) assigned
     */
    @Transactional
    public HomeVisitView notAtHome(SignedInUser actor, UUID id) {
        var row = visits.find(id).orElseThrow(NotFound::new);
        parties.doctorOf(actor, row).orElseThrow(NotFound::new);
        if (!visits.close(id, HomeVisitState.ASSIGNED, HomeVisitState.NOT_AT_HOME, actor.userId(), clock.instant())) {
            throw HomeVisitRefusal.closed();
        }
        return parties.view(visits.find(id).orElseThrow());
    }

    private static String text(String value, String field, boolean required, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.reject(field, "validation.required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > PROTOCOL_MAX) {
            errors.reject(field, "homevisit.validation.too-long", PROTOCOL_MAX);
            return null;
        }
        return stripped;
    }
}
