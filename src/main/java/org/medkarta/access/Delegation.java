package org.medkarta.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Phone;
import org.medkarta.shared.PublicUrl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delegated access, the patient's side (SPEC F1, F2; seed 001 "Предоставление доступа родственникам
 * или уполномоченным лицам", "Отзыв доступа"): the patient, or their legal representative, grants a
 * relative or an authorised person access at a level and confirms it with a one-time code; the
 * invitee gets an SMS or e-mail, signs in (or registers), confirms with a one-time code of their own
 * and accepts the terms ({@link GrantInvitations}); only then is the grant in force. Level changes
 * and revocations are confirmed with a code too, and take effect on the very next request because
 * {@link RecordAccess} reads the grant at each one.
 *
 * <p>Every step asks {@link RecordAccess} first ({@link RecordAction#MANAGE_ACCESS}); that decision
 * is committed on its own, so it stays in the audit trail even when the step then fails. Every
 * change of rights is an audit entry of its own. A refused code is counted and committed before
 * the refusal is thrown.
 */
@Service
public class Delegation {

    private final RecordAccess access;
    private final Grants grants;
    private final GrantSteps steps;
    private final AccountDirectory identity;
    private final Notifications notifications;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PublicUrl publicUrl;

    Delegation(
            RecordAccess access,
            Grants grants,
            GrantSteps steps,
            AccountDirectory identity,
            Notifications notifications,
            TransactionTemplate transaction,
            Clock clock,
            PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.access = access;
        this.grants = grants;
        this.steps = steps;
        this.identity = identity;
        this.notifications = notifications;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The grants of a record, newest first, revoked ones included: for the patient or their parent. */
    public List<GrantView> grants(SignedInUser actor, PatientId patient) {
        return transaction.execute(status -> {
            access.require(actor, patient, RecordAction.MANAGE_ACCESS);
            return grants.ofPatient(patient);
        });
    }

    /** One grant of a record the actor manages. */
    public GrantView grant(SignedInUser actor, UUID grant) {
        return managed(actor, grant);
    }

    /**
     * Starts a grant: checks the form, keeps the grant as {@link GrantStatus#PENDING} and sends the
     * actor a one-time code to confirm it with ({@link #confirm}).
     *
     * @throws InvalidInput naming every wrong field
     * @throws AccessRefusal {@code grant-exists} when that person holds or awaits a grant already
     */
    public GrantView start(SignedInUser actor, PatientId patient, GrantForm form, Locale locale) {
        decide(actor, patient);
        var errors = new FieldErrors();
        boolean hasPhone = form.granteePhone() != null && !form.granteePhone().isBlank();
        boolean hasEmail = form.granteeEmail() != null && !form.granteeEmail().isBlank();
        Phone phone = null;
        Email email = null;
        if (hasPhone && hasEmail) {
            errors.reject("granteeEmail", "access.validation.one-contact");
        } else if (hasPhone) {
            phone = errors.check(() -> Phone.parse(form.granteePhone(), "granteePhone"));
        } else if (hasEmail) {
            email = errors.check(() -> Email.parse(form.granteeEmail(), "granteeEmail"));
        } else {
            errors.reject("granteePhone", "access.validation.contact-required");
        }
        AccessLevel level = GrantSteps.level(form.level(), errors);
        String name = form.granteeName() == null ? null : form.granteeName().strip();
        if (name != null && name.length() > 200) {
            errors.reject("granteeName", "access.validation.too-long", 200);
        }
        errors.throwIfAny();
        String phoneText = phone == null ? null : phone.e164();
        String emailText = email == null ? null : email.address();
        var own = identity.patient(patient);
        if (own.isPresent()
                && ((phoneText != null && phoneText.equals(own.get().phone()))
                        || (emailText != null && emailText.equals(own.get().email())))) {
            throw new InvalidInput(phoneText != null ? "granteePhone" : "granteeEmail", "access.validation.self");
        }
        Instant now = clock.instant();
        var grant = new GrantView(
                UUID.randomUUID(),
                patient,
                actor.userId(),
                name == null || name.isEmpty() ? null : name,
                phoneText,
                emailText,
                null,
                level,
                GrantStatus.PENDING,
                now,
                null,
                null);
        return transaction.execute(status -> {
            boolean exists = grants.ofPatient(patient).stream()
                    .filter(g -> g.status() != GrantStatus.REVOKED)
                    .anyMatch(g -> (phoneText != null && phoneText.equals(g.granteePhone()))
                            || (emailText != null && emailText.equals(g.granteeEmail())));
            if (exists) {
                throw AccessRefusal.grantExists();
            }
            grants.insert(grant);
            steps.sendCode(
                    actor, grant.id(), ConfirmationCodes.Purpose.CREATE, level, "access.sms.confirm-grant", locale);
            return grant;
        });
    }

    /**
     * Confirms a pending grant with the code sent to the actor: the grant becomes {@link
     * GrantStatus#INVITED} and the invitee gets an SMS or e-mail with the link to accept it.
     */
    public GrantView confirm(SignedInUser actor, UUID grantId, String code, Locale locale) {
        var grant = managed(actor, grantId);
        return steps.withCode(grantId, ConfirmationCodes.Purpose.CREATE, actor, code, locked -> {
            if (locked.status() != GrantStatus.PENDING) {
                throw AccessRefusal.grantNotPending(locked.status());
            }
            Instant now = clock.instant();
            grants.invited(grantId, now);
            String link = publicUrl.of("/access/invitations/" + grantId);
            String who = steps.ownerName(grant.patientId());
            String text = steps.text("access.invite.text", locale, who, steps.levelName(grant.level(), locale), link);
            if (grant.granteePhone() != null) {
                notifications.sendSms(grant.granteePhone(), text, "access-invite:" + grantId);
            } else {
                notifications.sendEmail(
                        grant.granteeEmail(),
                        steps.text("access.invite.subject", locale, who),
                        text,
                        "access-invite:" + grantId);
            }
            notifications.notify(
                    actor.userId(),
                    steps.text("access.notice.invited.title", locale),
                    steps.text(
                            "access.notice.invited.text",
                            locale,
                            grant.granteeContact(),
                            steps.levelName(grant.level(), locale)),
                    "/access/grants?patientId=" + grant.patientId().value());
            steps.rights(actor, grant, "GRANT_INVITED", grant.level());
            return grants.find(grantId).orElseThrow();
        });
    }

    /** Sends the actor a code confirming a new level for a grant ({@link #changeLevel}). */
    public void requestLevelChange(SignedInUser actor, UUID grantId, String level, Locale locale) {
        var grant = managed(actor, grantId);
        var errors = new FieldErrors();
        AccessLevel chosen = GrantSteps.level(level, errors);
        errors.throwIfAny();
        if (grant.status() == GrantStatus.REVOKED) {
            throw AccessRefusal.grantNotPending(grant.status());
        }
        transaction.executeWithoutResult(status ->
                steps.sendCode(actor, grantId, ConfirmationCodes.Purpose.LEVEL, chosen, "access.sms.level", locale));
    }

    /** Changes the level with the code sent for it: in force from the next request. The grantee is told. */
    public GrantView changeLevel(SignedInUser actor, UUID grantId, String code, Locale locale) {
        var grant = managed(actor, grantId);
        return steps.withCode(grantId, ConfirmationCodes.Purpose.LEVEL, actor, code, (locked, level) -> {
            if (locked.status() == GrantStatus.REVOKED) {
                throw AccessRefusal.grantNotPending(locked.status());
            }
            grants.level(grantId, level);
            steps.tellGrantee(
                    locked,
                    steps.text("access.notice.level.title", locale),
                    steps.text(
                            "access.notice.level.text",
                            locale,
                            steps.ownerName(grant.patientId()),
                            steps.levelName(level, locale)));
            steps.rights(actor, grant, "GRANT_LEVEL_CHANGED", level);
            return grants.find(grantId).orElseThrow();
        });
    }

    /** Sends the actor a code confirming a revocation ({@link #revoke}). */
    public void requestRevocation(SignedInUser actor, UUID grantId, Locale locale) {
        var grant = managed(actor, grantId);
        if (grant.status() == GrantStatus.REVOKED) {
            throw AccessRefusal.grantNotPending(grant.status());
        }
        transaction.executeWithoutResult(status ->
                steps.sendCode(actor, grantId, ConfirmationCodes.Purpose.REVOKE, null, "access.sms.revoke", locale));
    }

    /**
     * Revokes a grant with the code sent for it (seed 001, "Отзыв доступа"): the grantee loses access
     * on their very next request and is told.
     */
    public GrantView revoke(SignedInUser actor, UUID grantId, String code, Locale locale) {
        var grant = managed(actor, grantId);
        return steps.withCode(grantId, ConfirmationCodes.Purpose.REVOKE, actor, code, locked -> {
            if (locked.status() == GrantStatus.REVOKED) {
                throw AccessRefusal.grantNotPending(locked.status());
            }
            grants.revoked(grantId, actor.userId(), clock.instant());
            steps.tellGrantee(
                    locked,
                    steps.text("access.notice.revoked.title", locale),
                    steps.text("access.notice.revoked.text", locale, steps.ownerName(grant.patientId())));
            notifications.notify(
                    actor.userId(),
                    steps.text("access.notice.revoked.title", locale),
                    steps.text("access.notice.revoked.owner", locale, grant.granteeContact()),
                    "/access/grants?patientId=" + grant.patientId().value());
            steps.rights(actor, grant, "GRANT_REVOKED", grant.level());
            return grants.find(grantId).orElseThrow();
        });
    }

    // ---------------------------------------------------------------- steps

    private void decide(SignedInUser actor, PatientId patient) {
        transaction.executeWithoutResult(status -> access.require(actor, patient, RecordAction.MANAGE_ACCESS));
    }

    /** A grant of a record the actor manages; anyone else gets {@link NotFound}, audited. */
    private GrantView managed(SignedInUser actor, UUID grantId) {
        var grant = grants.find(grantId);
        if (grant.isEmpty()) {
            throw new NotFound();
        }
        decide(actor, grant.get().patientId());
        return grant.get();
    }
}
