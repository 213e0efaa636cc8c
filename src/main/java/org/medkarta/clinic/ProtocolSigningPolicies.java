package org.medkarta.clinic;

import java.util.Optional;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's settings for signed protocols (issue 16): whether the doctor's electronic signature is
 * required and whether the clinic co-signs. Read by the consultation module when a protocol is sent;
 * changed by the clinic's administrators.
 */
@Service
public class ProtocolSigningPolicies {

    private final JdbcClient jdbc;
    private final ClinicAdministrators directory;
    private final ObjectProvider<ClinicSigningKeys> keys;

    ProtocolSigningPolicies(JdbcClient jdbc, ClinicAdministrators directory, ObjectProvider<ClinicSigningKeys> keys) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.keys = keys;
    }

    /** The clinic's policy; an unknown clinic signs nothing. */
    @Transactional(readOnly = true)
    public SigningPolicy of(ClinicId clinic) {
        return find(clinic).orElse(SigningPolicy.NONE);
    }

    /** The policy for the clinic's administrators; another clinic answers "not found". */
    @Transactional(readOnly = true)
    public SigningPolicy of(SignedInUser actor, ClinicId clinic) {
        requireAdmin(actor, clinic);
        return of(clinic);
    }

    /** Whether the clinic has a server key to co-sign with. */
    public boolean clinicKeyPresent(ClinicId clinic) {
        var port = keys.getIfAvailable();
        return port != null && port.present(clinic);
    }

    /**
     * Changes the policy.
     *
     * @throws ClinicRefusal {@code clinic-key-missing} when co-signing is switched on for a clinic
     *     without a server key
     */
    @Transactional
    public SigningPolicy change(SignedInUser actor, ClinicId clinic, SigningPolicy policy) {
        requireAdmin(actor, clinic);
        var current = of(clinic);
        if (policy.coSigned() && !current.coSigned() && !clinicKeyPresent(clinic)) {
            throw ClinicRefusal.clinicKeyMissing();
        }
        jdbc.sql("""
                        UPDATE clinic SET protocol_signature_required = :required, protocol_cosigned = :cosigned
                        WHERE id = :id
                        """)
                .param("required", policy.signatureRequired())
                .param("cosigned", policy.coSigned())
                .param("id", clinic.value())
                .update();
        return policy;
    }

    private Optional<SigningPolicy> find(ClinicId clinic) {
        if (clinic == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT protocol_signature_required, protocol_cosigned FROM clinic WHERE id = :id")
                .param("id", clinic.value())
                .query((row, n) -> new SigningPolicy(
                        row.getBoolean("protocol_signature_required"), row.getBoolean("protocol_cosigned")))
                .optional();
    }

    private void requireAdmin(SignedInUser actor, ClinicId clinic) {
        if (!directory.administers(actor, clinic)) {
            throw new NotFound();
        }
    }
}
