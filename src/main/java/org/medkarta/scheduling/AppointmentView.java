package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * An appointment of a patient with a doctor for a service.
 *
 * @param patientUserId the account told about the appointment (the patient or their representative)
 * @param cancelledByClinic whether the clinic, not the patient, cancelled it
 * @param version counts every change from 1 at booking: a cancel or a move adds one
 */
public record AppointmentView(
        UUID id,
        UUID slotId,
        PatientId patientId,
        UserId patientUserId,
        DoctorId doctorId,
        ClinicId clinicId,
        UUID serviceId,
        Instant start,
        Instant end,
        AppointmentStatus status,
        String complaint,
        UUID referralId,
        UserId bookedBy,
        Instant bookedAt,
        Instant cancelledAt,
        boolean cancelledByClinic,
        int version,
        Instant noShowAt) {

    /** Whether the doctor or the clinic's staff recorded that the patient did not come. */
    public boolean noShow() {
        return noShowAt != null;
    }
}
