package org.medkarta.record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAction;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.Specialty;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files the protocol of a visit made outside a consultation (a home visit, issue 23) in the
 * patient's record as an exam protocol entry, by the same path consultation protocols take
 * ({@link ConsultationProtocols}): authored by the visiting doctor, filed once per visit. The
 * caller has decided that the doctor made the visit; it runs in the caller's transaction so the
 * visit is never marked without its protocol in the record.
 */
@Service
public class VisitProtocols {

    /** What the doctor wrote at the visit: the fields of an exam protocol entry. */
    public record VisitProtocol(String complaints, String examination, String conclusion, String recommendations) {}

    private final RecordFiling filing;
    private final ClinicCatalogue clinics;
    private final Clock clock;

    VisitProtocols(RecordFiling filing, ClinicCatalogue clinics, Clock clock) {
        this.filing = filing;
        this.clinics = clinics;
        this.clock = clock;
    }

    /**
     * Files a home visit's protocol, on a decision that the visiting doctor writes in the record.
     *
     * @param visit the home visit, which keeps the entry from being filed twice
     * @return the entry, or null when the visit's protocol was filed before
     */
    @Transactional
    public UUID fileHomeVisit(
            AccessDecision decision, UUID visit, DoctorId doctor, LocalDate date, VisitProtocol protocol) {
        RecordRules.expect(decision, RecordAction.WRITE);
        PatientId patient = decision.patient();
        var profile = clinics.doctor(doctor).orElseThrow(NotFound::new);
        var author = new SignedInUser(
                profile.userId(), String.join(" ", profile.lastName(), profile.firstName()), null, List.of(), "EVENT");
        String specialty = profile.specialties().stream()
                .map(Specialty::nameRu)
                .findFirst()
                .orElse("—");
        // The record refuses a date after its own today; a clinic east of the server's zone is
        // already in the next day late in the evening.
        LocalDate filed = date.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : date;
        filing.ensureOpen(patient);
        return filing.fileExamProtocol(
                patient,
                "HOME_VISIT",
                "home-visit:" + visit,
                author,
                filed,
                specialty,
                protocol.complaints(),
                protocol.examination(),
                protocol.conclusion(),
                protocol.recommendations());
    }
}
