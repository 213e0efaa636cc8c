package org.medkarta.identity;

import java.time.Instant;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;

/** Published when a person is given a role, a change of rights the audit trail records (SPEC G1). */
public record RoleGranted(UserId user, Role role, ClinicId clinic, Instant at) {}
