package org.medkarta.audit;

import java.time.Instant;
import java.util.UUID;

/** One recorded entry, as the patient's access log and the administrator's search show it. */
public record AuditRecord(
        long seq,
        Instant at,
        UUID actor,
        String role,
        UUID patient,
        String action,
        String resource,
        String outcome,
        String address,
        String reason,
        boolean emergency) {}
