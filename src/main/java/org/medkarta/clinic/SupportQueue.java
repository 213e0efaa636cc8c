package org.medkarta.clinic;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Phone;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support queue (SPEC B7): "Нужна помощь" requests and callback orders from anyone, signed in or
 * not, and their handling — taken into work, answered by e-mail, SMS or notice, closed. Support agents
 * and platform administrators see every request, clinic administrators those about their clinics.
 */
@Service
public class SupportQueue {

    private final SupportRequests support;
    private final Clinics clinics;
    private final ClinicAccess access;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;

    SupportQueue(
            SupportRequests support,
            Clinics clinics,
            ClinicAccess access,
            Notifications notifications,
            MessageSource messages,
            Clock clock) {
        this.support = support;
        this.clinics = clinics;
        this.access = access;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Files a "Нужна помощь" request or a callback order. A signed-out visitor leaves an e-mail or a
     * phone; a callback always needs a phone.
     */
    @Transactional
    public SupportRequestView submit(SignedInUser author, SupportForm form) {
        var errors = new FieldErrors();
        var kind = Fields.choice(SupportKind.class, form.kind(), "kind", false, SupportKind.HELP, errors);
        String name = Fields.text(form.name(), "name", 200, false, errors);
        Email email = Fields.blankToNull(form.email()) == null
                ? null
                : errors.check(() -> Email.parse(form.email(), "email"));
        String phone = Fields.blankToNull(form.phone()) == null
                ? null
                : errors.check(() -> Phone.parse(form.phone(), "phone").e164());
        if (kind == SupportKind.CALLBACK && Fields.blankToNull(form.phone()) == null) {
            errors.reject("phone", "validation.required");
        } else if (author == null
                && Fields.blankToNull(form.email()) == null
                && Fields.blankToNull(form.phone()) == null) {
            errors.reject("email", "clinic.validation.contact");
        }
        String topic = Fields.text(form.topic(), "topic", 300, true, errors);
        String text = Fields.text(form.text(), "text", 5000, kind == SupportKind.HELP, errors);
        String preferred = Fields.text(form.preferredTime(), "preferredTime", 200, false, errors);
        ClinicId clinic = null;
        if (Fields.blankToNull(form.clinicId()) != null) {
            clinic = errors.check(() -> ClinicId.of(form.clinicId()));
            if (clinic != null && !clinics.exists(clinic)) {
                errors.reject("clinicId", "clinic.validation.clinic-unknown");
            }
        }
        errors.throwIfAny();
        var now = clock.instant();
        var request = new SupportRequestView(
                UUID.randomUUID(),
                kind,
                clinic,
                author == null ? null : author.userId(),
                name,
                email == null ? null : email.address(),
                phone,
                topic,
                text,
                preferred,
                SupportState.NEW,
                null,
                now,
                now);
        support.insert(request);
        return request;
    }

    /**
     * The support queue: everything for support agents and platform administrators, the requests
     * about their own clinics for clinic administrators, nothing for anyone else.
     */
    @Transactional(readOnly = true)
    public List<SupportRequestView> supportQueue(SignedInUser actor, SupportState state) {
        if (actor == null) {
            return List.of();
        }
        if (actor.has(Role.SUPPORT) || actor.has(Role.PLATFORM_ADMIN)) {
            return support.queue(state, null);
        }
        return support.queue(state, clinics.clinicsOf(actor.userId()));
    }

    /** Takes a request into work. */
    @Transactional
    public SupportRequestView take(SignedInUser actor, UUID request) {
        var found = handled(actor, request);
        support.update(found.id(), SupportState.IN_PROGRESS, null, actor.userId(), clock.instant());
        return support.find(request).orElseThrow();
    }

    /**
     * Answers a request: the reply reaches the person by e-mail or SMS where they left one and in
     * their notices when they were signed in. {@code done} closes the request.
     */
    @Transactional
    public SupportRequestView reply(SignedInUser actor, UUID request, String reply, boolean done, Locale locale) {
        var found = handled(actor, request);
        var errors = new FieldErrors();
        String text = Fields.text(reply, "reply", 5000, true, errors);
        errors.throwIfAny();
        String subject = text("clinic.support.reply.subject", locale).formatted(found.topic());
        String key = "support-reply:" + found.id() + ":" + UUID.randomUUID();
        if (found.email() != null) {
            notifications.sendEmail(found.email(), subject, text, key + ":email");
        } else if (found.phone() != null) {
            notifications.sendSms(found.phone(), subject + ": " + text, key + ":sms");
        }
        if (found.userId() != null) {
            notifications.notify(found.userId(), subject, text, null);
        }
        support.update(
                found.id(), done ? SupportState.DONE : SupportState.IN_PROGRESS, text, actor.userId(), clock.instant());
        return support.find(request).orElseThrow();
    }

    /** Closes a request without a reply (a callback made by phone). */
    @Transactional
    public SupportRequestView close(SignedInUser actor, UUID request) {
        var found = handled(actor, request);
        support.update(found.id(), SupportState.DONE, null, actor.userId(), clock.instant());
        return support.find(request).orElseThrow();
    }

    private SupportRequestView handled(SignedInUser actor, UUID request) {
        var found = support.find(request).orElseThrow(NotFound::new);
        boolean agent = actor != null && (actor.has(Role.SUPPORT) || actor.has(Role.PLATFORM_ADMIN));
        boolean clinicAdmin = found.clinicId() != null && access.administers(actor, found.clinicId());
        if (!agent && !clinicAdmin) {
            throw new NotFound();
        }
        return found;
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
