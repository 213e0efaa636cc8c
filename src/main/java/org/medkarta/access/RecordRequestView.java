package org.medkarta.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;

/**
 * A record-access request as its author and the registry of its clinic see it (SPEC E0).
 *
 * @param boundPatientId the record the approval bound the account to; null until approved
 * @param autoApproved whether the clinic's setting approved an exact match without staff
 */
public record RecordRequestView(
        UUID id,
        ClinicId clinicId,
        String clinicName,
        boolean forChild,
        RecordRequestState state,
        String lastName,
        String firstName,
        String patronymic,
        LocalDate birthDate,
        IdentityDocumentType documentType,
        String documentSeries,
        String documentNumber,
        LocalDate documentIssuedOn,
        String documentIssuer,
        String omsNumber,
        String snils,
        Instant submittedAt,
        Instant takenAt,
        Instant decidedAt,
        boolean autoApproved,
        PatientId boundPatientId,
        String refusalReason,
        List<Scan> scans) {

    /** A scan's description, without its bytes. */
    public record Scan(UUID id, RecordRequestScan.Subject kind, String name, String mediaType, long size) {}

    /** The full name as written. */
    public String fullName() {
        return patronymic == null ? lastName + " " + firstName : lastName + " " + firstName + " " + patronymic;
    }
}
