package org.medkarta.identity;

import java.time.Instant;
import java.time.LocalDate;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/** Published when a patient account is created, so the record module can open the record. */
public record PatientRegistered(
        UserId userId,
        PatientId patientId,
        String lastName,
        String firstName,
        String patronymic,
        LocalDate birthDate,
        Instant at) {}
