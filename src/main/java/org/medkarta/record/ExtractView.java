package org.medkarta.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;

/**
 * An ordered extract and how far its production got.
 *
 * @param progress 0 to 100
 * @param failure the message code of why it failed, or null
 * @param entries how many entries the PDF holds, once done
 * @param signed whether the issuing clinic's key signed the PDF (then {@code signerName}, {@code
 *     signerSerial} and {@code verifyUrl} name the certificate and the public verification page)
 */
public record ExtractView(
        UUID id,
        PatientId patientId,
        ExtractState state,
        int progress,
        List<EntryType> sections,
        LocalDate from,
        LocalDate to,
        ClinicId clinicId,
        String clinicName,
        Instant orderedAt,
        Instant finishedAt,
        String failure,
        Integer entries,
        boolean signed,
        String signerName,
        String signerSerial,
        String verifyUrl) {

    /** «extract-2026-12-06.pdf»: the day it was ordered (UTC). */
    public String fileName() {
        return "extract-" + orderedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate() + ".pdf";
    }
}
