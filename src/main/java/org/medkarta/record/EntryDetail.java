package org.medkarta.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medkarta.shared.PatientId;

/**
 * One entry with its current fields and, for clinicians, every earlier version.
 *
 * @param history newest first; empty in the patient account, which shows what is current
 */
public record EntryDetail(
        UUID id,
        PatientId patientId,
        EntryType type,
        EntryStatus status,
        int version,
        LocalDate date,
        String code,
        String title,
        Map<String, String> fields,
        BigDecimal value,
        String unit,
        BigDecimal referenceLow,
        BigDecimal referenceHigh,
        String flag,
        String source,
        List<EntryVersion> history) {}
