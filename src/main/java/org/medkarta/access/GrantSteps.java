package org.medkarta.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.medkarta.audit.AuditEntry;
import org.medkarta.audit.AuditTrail;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.Contact;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The steps {@link Delegation} and {@link GrantInvitations} share: a one-time code sent and checked
 * under the grant's row lock, the audit entry of a change of rights, telling the grantee and the
 * texts in the reader's language.
 */
@Component
class GrantSteps {

    private final Grants grants;
    private final ConfirmationCodes codes;
    private final AccountDirectory identity;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final AccessProperties properties;
    private final Clock clock;

    GrantSteps(
            Grants grants,
            ConfirmationCodes codes,
            AccountDirectory identity,
            Notifications notifications,
            AuditTrail audit,
            MessageSource messages,
            TransactionTemplate transaction,
            AccessProperties properties,
            Clock clock) {
        this.grants = grants;
        this.codes = codes;
        this.identity = identity;
        this.notifications = notifications;
        this.audit = audit;
        this.messages = messages;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    interface Step {
        GrantView apply(GrantView locked, AccessLevel level);
    }

    GrantView withCode(
            UUID grantId,
            ConfirmationCodes.Purpose purpose,
            SignedInUser actor,
            String code,
            Function<GrantView, GrantView> step) {
        return withCode(grantId, purpose, actor, code, (locked, level) -> step.apply(locked));
    }

    /** Checks the code and runs the step in one transaction; a refused code is committed, then thrown. */
    GrantView withCode(UUID grantId, ConfirmationCodes.Purpose purpose, SignedInUser actor, String code, Step step) {
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

    void sendCode(
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

    void tellGrantee(GrantView grant, String title, String body) {
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

    void rights(SignedInUser actor, GrantView grant, String action, AccessLevel level) {
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

    String ownerName(PatientId patient) {
        return identity.patient(patient)
                .map(account -> account.lastName() + " " + account.firstName())
                .orElse("");
    }

    static AccessLevel level(String text, FieldErrors errors) {
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

    String text(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }
}
