package org.medkarta.homevisit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/**
 * A home visit request as its patient's side, its clinic's registry and its doctor read it.
 *
 * @param temperature null when not given
 * @param doctorId null until assigned
 * @param windowFrom null until assigned
 * @param recordEntryId the exam protocol entry filed in the record once visited
 */
public record HomeVisitView(
        UUID id,
        PatientId patientId,
        String patientName,
        ClinicId clinicId,
        String clinicName,
        ZoneId zone,
        String address,
        String reason,
        BigDecimal temperature,
        String phone,
        LocalDate day,
        HomeVisitState state,
        Instant askedAt,
        DoctorId doctorId,
        String doctorName,
        Instant windowFrom,
        Instant windowTo,
        Instant closedAt,
        String complaints,
        String examination,
        String diagnosisCode,
        String diagnosisName,
        String recommendations,
        UUID recordEntryId) {

    public boolean open() {
        return state.open();
    }
}
