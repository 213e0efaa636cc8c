package org.medkarta.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.medkarta.shared.PatientId;

/**
 * A record the request's clinic keeps that may be the requester's (SPEC E0): found by SNILS, by OMS
 * policy number, or by full name and birth date, shown to the registry beside the scans.
 *
 * @param matchedBy what it was found by: {@code SNILS}, {@code OMS}, {@code NAME_AND_BIRTH_DATE}
 * @param exact whether SNILS, OMS policy, full name and birth date all agree with the request
 */
public record RecordCandidate(
        PatientId patientId,
        String lastName,
        String firstName,
        String patronymic,
        LocalDate birthDate,
        String snils,
        List<String> omsNumbers,
        Set<String> matchedBy,
        boolean exact) {}
