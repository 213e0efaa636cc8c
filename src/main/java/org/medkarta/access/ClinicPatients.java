package org.medkarta.access;

import java.util.List;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Service;

/**
 * The patients a clinic cares for, by the rules its staff's access to identifiers is decided by
 * ({@link org.medkarta.shared.ClinicCare}): for a clinic's FHIR Bulk Data export (issue 15) and for
 * the questionnaires a clinic offers or sends its patients (SPEC E9). The lists and yes-or-no
 * answers tell only ids and open nothing, so they leave no audit entry; each exported record is
 * opened through {@link #requireExport}, whose decision {@link RecordAccess} makes.
 */
@Service
public class ClinicPatients {

    private final RecordAccess access;
    private final ClinicCareRelationships clinicCare;

    ClinicPatients(RecordAccess access, ClinicCareRelationships clinicCare) {
        this.access = access;
        this.clinicCare = clinicCare;
    }

    /**
     * The records a clinic's administrator may export for the clinic (FHIR Bulk Data export, issue
     * 15): the patients the clinic cares for now, as its staff's access to identifiers is decided
     * ({@link org.medkarta.shared.ClinicCare}). The list tells only ids and opens nothing, so it leaves
     * no audit entry; each record is then opened through {@link #requireExport}.
     *
     * @throws NotFound unless {@code admin} is an administrator of {@code clinic} now
     */
    public List<PatientId> exportable(UserId admin, ClinicId clinic) {
        var administrator = clinicCare.administrator(admin, clinic).orElseThrow(NotFound::new);
        return clinicCare.caredFor(administrator, clinic);
    }

    /**
     * Whether {@code clinic} cares for {@code patient} now, by the rules staff access is decided by
     * ({@link org.medkarta.shared.ClinicCare}): asked to offer a clinic's questionnaire open to all its
     * patients (SPEC E9) and to check the patients a clinic sends one to. It tells only yes or no about
     * ids the caller holds and opens nothing of the record, so it leaves no audit entry.
     */
    public boolean caredForBy(ClinicId clinic, PatientId patient) {
        return clinic != null && patient != null && clinicCare.caresFor(clinic, patient);
    }

    /**
     * Opens one record for a clinic's export, as {@link RecordAccess} decides it: allowed while
     * {@code admin} administers {@code clinic} and the clinic cares for the patient, as {@link
     * Relation#CLINIC} with {@link RecordAction#DOWNLOAD}; one audit entry either way, {@code reason}
     * naming the export.
     *
     * @throws NotFound when either no longer holds
     */
    public AccessDecision requireExport(UserId admin, ClinicId clinic, PatientId patient, String reason) {
        return access.requireExport(admin, clinic, patient, reason);
    }
}
