package org.medkarta.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/**
 * A protocol was sent (SPEC D7, D11): everything the record module needs to file it in the
 * patient's record. In a doctor-to-doctor consultation it also returns to the referring doctor.
 *
 * @param referringDoctorId the doctor who asked a consultant, or null
 * @param fileIds the protocol's files in the files module's store
 * @param signature the doctor's electronic signature of the protocol's PDF (SPEC D9), or null when
 *     it was sent unsigned
 */
public record ProtocolSent(
        UUID consultationId,
        UUID appointmentId,
        PatientId patientId,
        DoctorId doctorId,
        ClinicId clinicId,
        DoctorId referringDoctorId,
        String anamnesis,
        String recommendations,
        String additionalRecommendations,
        List<Diagnosis> diagnoses,
        List<UUID> fileIds,
        Instant sentAt,
        ProtocolSignature signature) {}
