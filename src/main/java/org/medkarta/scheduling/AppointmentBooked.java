package org.medkarta.scheduling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * A patient was booked into a slot (SPEC C4); the consultation module opens a request on it.
 *
 * @param patientUser the account told about the appointment (the patient or their representative)
 * @param bookedBy who booked: the patient, staff, or a doctor routing or asking a colleague
 * @param complaint what the patient wrote when booking, or null
 */
public record AppointmentBooked(
        UUID appointmentId,
        PatientId patient,
        DoctorId doctor,
        ClinicId clinic,
        UUID serviceId,
        Instant start,
        Instant end,
        Instant bookedAt,
        UserId patientUser,
        UserId bookedBy,
        String complaint) {

    /**
     * The id the consultation request of a telemedicine booking takes (SPEC D1): derived from the
     * appointment's id, so the booking can answer with it and a redelivered event finds the same one.
     */
    public UUID consultationId() {
        return consultationIdOf(appointmentId);
    }

    /** See {@link #consultationId()}. */
    public static UUID consultationIdOf(UUID appointment) {
        return UUID.nameUUIDFromBytes(("medkarta:consultation:" + appointment).getBytes(StandardCharsets.UTF_8));
    }
}
