package org.medkarta.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.medkarta.audit.AuditEntry;
import org.medkarta.audit.AuditTrail;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emergency opening of a record (SPEC F4): a doctor states why, and for {@code
 * medkarta.access.emergency-window} reads and downloads the record as {@link Relation#EMERGENCY},
 * each access flagged in the audit trail with that reason. Whether an opening still holds is decided
 * by {@link RecordAccess} at each request, like every other ground.
 */
@Service
public class EmergencyAccess {

    private final RecordAccess access;
    private final AccountDirectory identity;
    private final Emergencies emergencies;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final AccessProperties properties;
    private final Clock clock;

    EmergencyAccess(
            RecordAccess access,
            AccountDirectory identity,
            Emergencies emergencies,
            AuditTrail audit,
            TransactionTemplate transaction,
            AccessProperties properties,
            Clock clock) {
        this.access = access;
        this.identity = identity;
        this.emergencies = emergencies;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens a record in an emergency (SPEC F4): a doctor states why, and for {@code
     * medkarta.access.emergency-window} reads and downloads the record with every access flagged
     * in the audit trail with that reason. The opening itself is one flagged entry.
     *
     * @throws InvalidInput {@code reason} when it is missing, shorter than 10 or longer than 500 characters
     * @throws NotFound for anyone but a doctor, or an unknown patient
     */
    public EmergencyOpening openInEmergency(SignedInUser actor, PatientId patient, String reason) {
        String why = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "validation.required");
        }
        if (why.length() < 10 || why.length() > 500) {
            throw new InvalidInput("reason", "access.validation.reason", 10, 500);
        }
        var request = RecordAccess.currentRequest();
        String resource =
                request.map(r -> r.getMethod() + " " + r.getRequestURI()).orElse(null);
        String address = request.map(HttpServletRequest::getRemoteAddr).orElse(null);
        boolean doctor = actor != null
                && actor.has(Role.DOCTOR)
                && patient != null
                && identity.patient(patient).isPresent();
        if (!doctor) {
            access.recordRefusal(new AuditEntry(
                    actor == null ? null : actor.userId().value(),
                    RecordAccess.roleOf(actor),
                    patient == null ? null : patient.value(),
                    "EMERGENCY_OPEN",
                    resource,
                    "DENIED",
                    address,
                    why,
                    true));
            throw new NotFound();
        }
        Instant now = clock.instant();
        Instant until = now.plus(properties.emergencyWindow());
        transaction.executeWithoutResult(status -> {
            emergencies.open(actor.userId(), patient, why, now, until);
            audit.record(new AuditEntry(
                    actor.userId().value(),
                    Relation.EMERGENCY.name(),
                    patient.value(),
                    "EMERGENCY_OPEN",
                    resource,
                    "SUCCESS",
                    address,
                    why,
                    true));
        });
        return new EmergencyOpening(patient, why, until);
    }
}
