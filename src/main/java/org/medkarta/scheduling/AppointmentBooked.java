package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/** A patient was booked into a slot (SPEC C4); the consultation module opens a request on it. */
public record AppointmentBooked(
        UUID appointmentId,
        PatientId patient,
        DoctorId doctor,
        ClinicId clinic,
        UUID serviceId,
        Instant start,
        Instant end,
        Instant bookedAt) {}
