package org.medkarta.identity;

import java.time.Instant;
import java.time.LocalDate;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * Published when a patient closes their account (SPEC A9), in the closing transaction and before the
 * account's phone and e-mail are freed, so that listeners (the access module ending grants, the
 * scheduling module cancelling future appointments and telling the patient, the audit trail) act
 * at once and in the same commit. The medical record {@code patient} is kept until {@code
 * retainUntil}.
 */
public record AccountClosed(UserId user, PatientId patient, Instant at, LocalDate retainUntil) {}
