package org.medkarta.identity;

import java.time.Instant;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;

/** Published when a person loses a role in a clinic, a change of rights the audit trail records (SPEC G1). */
public record RoleWithdrawn(UserId user, Role role, ClinicId clinic, Instant at) {}
