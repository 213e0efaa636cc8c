package org.medkarta.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.medkarta.audit.AuditEntry;
import org.medkarta.audit.AuditTrail;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Registration;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.Contact;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Phone;
import org.medkarta.shared.PublicUrl;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Delegated access (SPEC F1, F2; seed 001 "Предоставление доступа родственникам или уполномоченным
 * лицам", "Отзыв доступа"): the patient, or their legal representative, grants a relative or an
 * authorised person access at a level and confirms it with a one-time code; the invitee gets an SMS
 * or e-mail, signs in (or registers), confirms with a one-time code of their own and accepts the
 * terms; only then is the grant in force. Level changes and revocations are confirmed with a code
 * too, and take effect on the very next request because {@link RecordAccess} reads the grant at
 * each one.
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
    private final ConfirmationCodes codes;
    private final AccountDirectory identity;
    private final Registration registration;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final AccessProperties properties;
    private final Clock clock;
    private final PublicUrl publicUrl;

    Delegation(
            RecordAccess access,
            Grants grants,
            ConfirmationCodes codes,
            AccountDirectory identity,
            Registration registration,
            Notifications notifications,
            AuditTrail audit,
            MessageSource messages,
            TransactionTemplate transaction,
            AccessProperties properties,
            Clock clock,
            PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.access = access;
        this.grants = grants;
        this.codes = codes;
        this.identity = identity;
        this.registration = registration;
        this.notifications = notifications;
        this.audit = audit;
        this.messages = messages;
        this.transaction = transaction;
        this.properties = properties;
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
        AccessLevel level = level(form.level(), errors);
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
            sendCode(actor, grant.id(), ConfirmationCodes.Purpose.CREATE, level, "access.sms.confirm-grant", locale);
            return grant;
        });
    }

    /**
     * Confirms a pending grant with the code sent to the actor: the grant becomes {@link
     * GrantStatus#INVITED} and the invitee gets an SMS or e-mail with the link to accept it.
     */
    public GrantView confirm(SignedInUser actor, UUID grantId, String code, Locale locale) {
        var grant = managed(actor, grantId);
        return withCode(grantId, ConfirmationCodes.Purpose.CREATE, actor, code, locked -> {
            if (locked.status() != GrantStatus.PENDING) {
                throw AccessRefusal.grantNotPending(locked.status());
            }
            Instant now = clock.instant();
            grants.invited(grantId, now);
            String link = publicUrl.of("/access/invitations/" + grantId);
            String who = ownerName(grant.patientId());
            String text = text("access.invite.text", locale, who, levelName(grant.level(), locale), link);
            if (grant.granteePhone() != null) {
                notifications.sendSms(grant.granteePhone(), text, "access-invite:" + grantId);
            } else {
                notifications.sendEmail(
                        grant.granteeEmail(),
                        text("access.invite.subject", locale, who),
                        text,
                        "access-invite:" + grantId);
            }
            notifications.notify(
                    actor.userId(),
                    text("access.notice.invited.title", locale),
                    text(
                            "access.notice.invited.text",
                            locale,
                            grant.granteeContact(),
                            levelName(grant.level(), locale)),
                    "/access/grants?patientId=" + grant.patientId().value());
            rights(actor, grant, "GRANT_INVITED", grant.level());
            return grants.find(grantId).orElseThrow();
        });
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
        transaction.executeWithoutResult(status ->
                sendCode(actor, grantId, ConfirmationCodes.Purpose.ACCEPT, grant.level(), "access.sms.accept", locale));
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
        return withCode(grantId, ConfirmationCodes.Purpose.ACCEPT, actor, code, locked -> {
            if (locked.status() != GrantStatus.INVITED) {
                throw AccessRefusal.grantNotPending(locked.status());
            }
            grants.accepted(grantId, actor.userId(), registration.termsVersion(), clock.instant());
            notifications.notify(
                    grant.grantedBy(),
                    text("access.notice.accepted.title", locale),
                    text(
                            "access.notice.accepted.text",
                            locale,
                            grant.granteeContact(),
                            levelName(grant.level(), locale)),
                    "/access/grants?patientId=" + grant.patientId().value());
            notifications.notify(
                    actor.userId(),
                    text("access.notice.granted.title", locale),
                    text("access.notice.granted.text", locale, ownerName(grant.patientId())),
                    "/access/records");
            rights(actor, grant, "GRANT_ACCEPTED", grant.level());
            return grants.find(grantId).orElseThrow();
        });
    }

    /** Sends the actor a code confirming a new level for a grant ({@link #changeLevel}). */
    public void requestLevelChange(SignedInUser actor, UUID grantId, String level, Locale locale) {
        var grant = managed(actor, grantId);
        var errors = new FieldErrors();
        AccessLevel chosen = level(level, errors);
        errors.throwIfAny();
        if (grant.status() == GrantStatus.REVOKED) {
            throw AccessRefusal.grantNotPending(grant.status());
        }
        transaction.executeWithoutResult(status ->
                sendCode(actor, grantId, ConfirmationCodes.Purpose.LEVEL, chosen, "access.sms.level", locale));
    }

    /** Changes the level with the code sent for it: in force from the next request. The grantee is told. */
    public GrantView changeLevel(SignedInUser actor, UUID grantId, String code, Locale locale) {
        var grant = managed(actor, grantId);
        return withCode(grantId, ConfirmationCodes.Purpose.LEVEL, actor, code, (locked, level) -> {
            if (locked.status() == GrantStatus.REVOKED) {
                throw AccessRefusal.grantNotPending(locked.status());
            }
            grants.level(grantId, level);
            tellGrantee(
                    locked,
                    text("access.notice.level.title", locale),
                    text("access.notice.level.text", locale, ownerName(grant.patientId()), levelName(level, locale)));
            rights(actor, grant, "GRANT_LEVEL_CHANGED", level);
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
                sendCode(actor, grantId, ConfirmationCodes.Purpose.REVOKE, null, "access.sms.revoke", locale));
    }

    /**
     * Revokes a grant with the code sent for it (seed 001, "Отзыв доступа"): the grantee loses access
     * on their very next request and is told.
     */
    public GrantView revoke(SignedInUser actor, UUID grantId, String code, Locale locale) {
        var grant = managed(actor, grantId);
        return withCode(grantId, ConfirmationCodes.Purpose.REVOKE, actor, code, locked -> {
            if (locked.status() == GrantStatus.REVOKED) {
                throw AccessRefusal.grantNotPending(locked.status());
            }
            grants.revoked(grantId, actor.userId(), clock.instant());
            tellGrantee(
                    locked,
                    text("access.notice.revoked.title", locale),
                    text("access.notice.revoked.text", locale, ownerName(grant.patientId())));
            notifications.notify(
                    actor.userId(),
                    text("access.notice.revoked.title", locale),
                    text("access.notice.revoked.owner", locale, grant.granteeContact()),
                    "/access/grants?patientId=" + grant.patientId().value());
            rights(actor, grant, "GRANT_REVOKED", grant.level());
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

    private interface Step {
        GrantView apply(GrantView locked, AccessLevel level);
    }

    private GrantView withCode(
            UUID grantId,
            ConfirmationCodes.Purpose purpose,
            SignedInUser actor,
            String code,
            Function<GrantView, GrantView> step) {
        return withCode(grantId, purpose, actor, code, (locked, level) -> step.apply(locked));
    }

    /** Checks the code and runs the step in one transaction; a refused code is committed, then thrown. */
    private GrantView withCode(
            UUID grantId, ConfirmationCodes.Purpose purpose, SignedInUser actor, String code, Step step) {
        var outcome = transaction.execute(status -> {
            var locked = grants.lock(grantId).orElseThrow(NotFound::new);
            var checked = codes.check(grantId, purpose, actor.userId(), code, clock.instant());
            if (checked.refusal() != null) {
                return new Outcome(null, checked.refusal());
            }
            return new Outcome(step.apply(locked, checked.level().orElse(locked.level())), null);
        });
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.grant();
    }

    private record Outcome(GrantView grant, InvalidInput refusal) {}

    private void sendCode(
            SignedInUser actor,
            UUID grantId,
            ConfirmationCodes.Purpose purpose,
            AccessLevel level,
            String textCode,
            Locale locale) {
        // The grant's row lock orders two requests for a code at once (two taps, two tabs): the second
        // replaces the first's code instead of colliding with it on the key (issue 12, finding 3).
        grants.lock(grantId).orElseThrow(NotFound::new);
        var contact = identity.contact(actor.userId()).orElseThrow(AccessRefusal::noContact);
        String code = codes.issue(grantId, purpose, actor.userId(), level, clock.instant());
        String text = text(
                textCode,
                locale,
                code,
                properties.codeValidity().toMinutes(),
                level == null ? "" : levelName(level, locale));
        if (contact.phone() != null) {
            notifications.sendSms(contact.phone(), text);
        } else if (contact.email() != null) {
            notifications.sendEmail(contact.email(), text("access.code.subject", locale), text);
        } else {
            throw AccessRefusal.noContact();
        }
    }

    private void tellGrantee(GrantView grant, String title, String body) {
        if (grant.granteeUserId() != null) {
            notifications.notify(grant.granteeUserId(), title, body, "/access/records");
        }
        Contact contact = new Contact(grant.granteePhone(), grant.granteeEmail());
        if (contact.phone() != null) {
            notifications.sendSms(contact.phone(), body);
        } else if (contact.email() != null) {
            notifications.sendEmail(contact.email(), title, body);
        }
    }

    private void rights(SignedInUser actor, GrantView grant, String action, AccessLevel level) {
        var request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.<HttpServletRequest>empty();
        audit.record(AuditEntry.of(
                actor.userId().value(),
                "RIGHTS",
                grant.patientId().value(),
                action,
                "grant:" + grant.id() + ":" + level.name(),
                "SUCCESS",
                request.map(HttpServletRequest::getRemoteAddr).orElse(null)));
    }

    private String ownerName(PatientId patient) {
        return identity.patient(patient)
                .map(account -> account.lastName() + " " + account.firstName())
                .orElse("");
    }

    private static AccessLevel level(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            errors.reject("level", "validation.required");
            return null;
        }
        try {
            return AccessLevel.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("level", "access.validation.level");
            return null;
        }
    }

    String levelName(AccessLevel level, Locale locale) {
        return text("access.level." + level.name(), locale);
    }

    private String text(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }
}
