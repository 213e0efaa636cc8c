package org.medkarta.identity;

import java.time.LocalDate;
import java.util.UUID;
import org.medkarta.shared.PatientId;

/** A patient's insurance policy: part of their identity data, shown to them and to staff. */
public record PolicyView(
        UUID id,
        PatientId patientId,
        PolicyKind kind,
        String number,
        String insurer,
        LocalDate validFrom,
        LocalDate validTo) {

    /** Whether the policy is in force on the day. */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
