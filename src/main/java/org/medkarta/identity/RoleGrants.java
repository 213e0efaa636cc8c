package org.medkarta.identity;

import java.time.Clock;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Gives a role and tells the audit trail, in the caller's transaction: the one way a role is granted. */
@Component
class RoleGrants {

    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoleGrants(Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Gives a role and tells the audit trail, in the caller's transaction. */
    void grant(UserId user, Role role, ClinicId clinic) {
        accounts.grant(user, role, clinic);
        events.publishEvent(new RoleGranted(user, role, clinic, clock.instant()));
    }
}
