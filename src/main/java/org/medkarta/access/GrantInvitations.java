package org.medkarta.access;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Registration;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invitee's side of delegated access (SPEC F2; seed 001 "Предоставление доступа родственникам
 * или уполномоченным лицам"): the person a grant is addressed to, by the phone or confirmed e-mail
 * of their account, sees the invitation, asks for a one-time code, and accepts with it and the terms;
 * only then is the grant in force, from the very next request. The patient is told, and the
 * acceptance is an audit entry of its own. The patient's side is {@link Delegation}.
 */
@Service
public class GrantInvitations {

    private final Grants grants;
    private final GrantSteps steps;
    private final AccountDirectory identity;
    private final Registration registration;
    private final Notifications notifications;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GrantInvitations(
            Grants grants,
            GrantSteps steps,
            AccountDirectory identity,
            Registration registration,
            Notifications notifications,
            TransactionTemplate transaction,
            Clock clock) {
        this.grants = grants;
        this.steps = steps;
        this.identity = identity;
        this.registration = registration;
        this.notifications = notifications;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The invitations waiting for the signed-in person and the grants they hold. */
    public List<GrantView> invitations(SignedInUser actor) {
        var account = identity.account(actor.userId()).orElseThrow(NotFound::new);
        return grants.addressedTo(actor.userId(), account.phone(), account.emailConfirmed() ? account.email() : null);
    }

    /** One invitation addressed to the signed-in person; anyone else gets {@link NotFound}. */
    public GrantView invitation(SignedInUser actor, UUID grantId) {
        return addressed(actor, grants.find(grantId).orElseThrow(NotFound::new));
    }

    /** Sends the invitee the one-time code that accepts the invitation. */
    public void sendAcceptanceCode(SignedInUser actor, UUID grantId, Locale locale) {
        var grant = invitation(actor, grantId);
        if (grant.status() != GrantStatus.INVITED) {
            throw AccessRefusal.grantNotPending(grant.status());
        }
        transaction.executeWithoutResult(status -> steps.sendCode(
                actor, grantId, ConfirmationCodes.Purpose.ACCEPT, grant.level(), "access.sms.accept", locale));
    }

    /**
     * Accepts an invitation with the code and the terms: the grant is in force from the next
     * request. The patient is told.
     *
     * @throws InvalidInput {@code acceptTerms} when the terms are not accepted, {@code code} when wrong
     */
    public GrantView accept(SignedInUser actor, UUID grantId, String code, boolean acceptTerms, Locale locale) {
        var grant = invitation(actor, grantId);
        if (!acceptTerms) {
            throw new InvalidInput("acceptTerms", "access.validation.terms");
        }
        return steps.withCode(grantId, ConfirmationCodes.Purpose.ACCEPT, actor, code, locked -> {
            if (locked.status() != GrantStatus.INVITED) {
                throw AccessRefusal.grantNotPending(locked.status());
            }
            grants.accepted(grantId, actor.userId(), registration.termsVersion(), clock.instant());
            notifications.notify(
                    grant.grantedBy(),
                    steps.text("access.notice.accepted.title", locale),
                    steps.text(
                            "access.notice.accepted.text",
                            locale,
                            grant.granteeContact(),
                            steps.levelName(grant.level(), locale)),
                    "/access/grants?patientId=" + grant.patientId().value());
            notifications.notify(
                    actor.userId(),
                    steps.text("access.notice.granted.title", locale),
                    steps.text("access.notice.granted.text", locale, steps.ownerName(grant.patientId())),
                    "/access/records");
            steps.rights(actor, grant, "GRANT_ACCEPTED", grant.level());
            return grants.find(grantId).orElseThrow();
        });
    }

    private GrantView addressed(SignedInUser actor, GrantView grant) {
        var account = identity.account(actor.userId()).orElseThrow(NotFound::new);
        boolean byPhone = grant.granteePhone() != null && grant.granteePhone().equals(account.phone());
        boolean byEmail = grant.granteeEmail() != null
                && account.emailConfirmed()
                && grant.granteeEmail().equals(account.email());
        boolean holder = actor.userId().equals(grant.granteeUserId());
        if (!(holder || ((byPhone || byEmail) && grant.status() == GrantStatus.INVITED))) {
            throw new NotFound();
        }
        return grant;
    }
}
