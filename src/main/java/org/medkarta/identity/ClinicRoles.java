package org.medkarta.identity;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff roles given and taken back in one clinic after the person joined it, such as the head of
 * department a clinic administrator appoints among its doctors (issue 19). The clinic module decides
 * who may give them; this keeps the grants.
 *
 * <p>A role given here shows in the person's token from their next sign-in, but {@link #holds} reads
 * the grants as they are now: a withdrawn role stops opening anything at once, whatever a token says.
 * Giving and taking back lock the account's row, so two clicks at once leave one grant.
 */
@Service
public class ClinicRoles {

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClinicRoles(Accounts accounts, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Gives the person the role in the clinic; true when it was given now, false when they held it. */
    @Transactional
    public boolean give(UserId user, Role role, ClinicId clinic) {
        accounts.lockedById(user).orElseThrow(org.medkarta.shared.NotFound::new);
        if (holds(user, role, clinic)) {
            return false;
        }
        accounts.grant(user, role, clinic);
        events.publishEvent(new RoleGranted(user, role, clinic, clock.instant()));
        return true;
    }

    /** Takes the role in the clinic back; true when the person held it. */
    @Transactional
    public boolean withdraw(UserId user, Role role, ClinicId clinic) {
        accounts.lockedById(user).orElseThrow(org.medkarta.shared.NotFound::new);
        int removed = jdbc.sql(
                        "DELETE FROM identity_role WHERE account_id = :account AND role = :role AND clinic_id = :clinic")
                .param("account", user.value())
                .param("role", role.name())
                .param("clinic", clinic.value())
                .update();
        if (removed == 0) {
            return false;
        }
        events.publishEvent(new RoleWithdrawn(user, role, clinic, clock.instant()));
        return true;
    }

    /** Whether the person holds the role in the clinic now. */
    @Transactional(readOnly = true)
    public boolean holds(UserId user, Role role, ClinicId clinic) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM identity_role
                        WHERE account_id = :account AND role = :role AND clinic_id = :clinic
                        """)
                        .param("account", user.value())
                        .param("role", role.name())
                        .param("clinic", clinic.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Everyone holding the role in the clinic now. */
    @Transactional(readOnly = true)
    public List<UserId> holders(Role role, ClinicId clinic) {
        return jdbc
                .sql("SELECT DISTINCT account_id FROM identity_role WHERE role = :role AND clinic_id = :clinic")
                .param("role", role.name())
                .param("clinic", clinic.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(UserId::new)
                .toList();
    }

    /**
     * The clinics where the person holds the role now, read from the grants as they are (a role
     * withdrawn after sign-in counts at once); none without a token role, whatever the grants say.
     */
    @Transactional(readOnly = true)
    public List<ClinicId> clinicsOf(SignedInUser user, Role role) {
        if (user == null || !user.has(role)) {
            return List.of();
        }
        return jdbc
                .sql("""
                        SELECT DISTINCT clinic_id FROM identity_role
                        WHERE account_id = :account AND role = :role AND clinic_id IS NOT NULL
                        """)
                .param("account", user.userId().value())
                .param("role", role.name())
                .query(UUID.class)
                .list()
                .stream()
                .map(ClinicId::new)
                .toList();
    }
}
