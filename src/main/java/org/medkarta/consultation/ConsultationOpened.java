package org.medkarta.consultation;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/** A telemedicine booking opened a consultation request (SPEC D1). */
public record ConsultationOpened(
        UUID consultationId,
        UUID appointmentId,
        PatientId patientId,
        DoctorId doctorId,
        ClinicId clinicId,
        DoctorId referringDoctorId,
        ServiceKind kind,
        Channel channel,
        Instant start,
        Instant openedAt) {}
