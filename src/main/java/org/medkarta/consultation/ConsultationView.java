package org.medkarta.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * A consultation request as its participants see it.
 *
 * @param state the state by the clock now ({@link ConsultationState#OVERDUE} included)
 * @param referringDoctorId the doctor who asked, in a doctor-to-doctor consultation (SPEC D11)
 * @param startsOn the day of the start in the clinic's time zone
 * @param zone the clinic's time zone, in which its times are shown
 */
public record ConsultationView(
        UUID id,
        UUID appointmentId,
        ServiceKind kind,
        Channel channel,
        ConsultationState state,
        PatientId patientId,
        UserId patientUserId,
        String patientName,
        DoctorId doctorId,
        UserId doctorUserId,
        String doctorName,
        ClinicId clinicId,
        String serviceName,
        DoctorId referringDoctorId,
        UserId referringUserId,
        String referringName,
        Instant start,
        Instant end,
        LocalDate startsOn,
        java.time.ZoneId zone,
        String question,
        String anamnesis,
        String complaints,
        Instant openedAt,
        Instant takenAt,
        Instant closedAt) {

    public boolean doctorToDoctor() {
        return kind == ServiceKind.DOCTOR_TO_DOCTOR;
    }

    /** Whether a diagnosis may be recorded: not in a primary doctor-patient consultation (SPEC D7). */
    public boolean diagnosesAllowed() {
        return kind != ServiceKind.PRIMARY;
    }
}
