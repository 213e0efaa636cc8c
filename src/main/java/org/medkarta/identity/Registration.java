package org.medkarta.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Phone;
import org.medkarta.shared.RussianRegions;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering patients (SPEC A2, E11, F3): a patient's own registration with the accepted terms and a
 * single-use link confirming the e-mail, the record of a child without a phone of their own and the
 * phone they are given later. Every refusal is an {@link IdentityRefusal} or {@link InvalidInput}
 * named as the public API contract names it.
 */
@Service
public class Registration {

    private final Accounts accounts;
    private final Links links;
    private final RoleGrants roleGrants;
    private final Notifications notifications;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final IdentityProperties properties;
    private final PatientRegions regions;
    private final Clock clock;

    Registration(
            Accounts accounts,
            Links links,
            RoleGrants roleGrants,
            Notifications notifications,
            MessageSource messages,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            IdentityProperties properties,
            PatientRegions regions,
            Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.roleGrants = roleGrants;
        this.notifications = notifications;
        this.messages = messages;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
        this.regions = regions;
        this.clock = clock;
    }

    /** The version of the platform terms a registration must accept. */
    public String termsVersion() {
        return properties.termsVersion();
    }

    /** The current platform terms in the person's language, so that an app can show what it asks to accept. */
    public Terms terms(Locale locale) {
        String version = properties.termsVersion();
        return new Terms(version, messages.getMessage("identity.terms.text", new Object[] {version}, locale));
    }

    /**
     * Registers a patient (SPEC A2): checks every field, records the accepted terms with time and
     * address, and e-mails a single-use confirmation link valid 24 hours.
     *
     * @param linkBase the public address of the app, such as {@code https://medkarta.example}
     * @throws InvalidInput naming every wrong field
     * @throws IdentityRefusal {@code phone-taken} or {@code email-taken}
     */
    public Registered register(PatientRegistration form, ClientInfo client, String linkBase, Locale locale) {
        var errors = new FieldErrors();
        String lastName = PersonFields.name(form.lastName(), "lastName", true, errors);
        String firstName = PersonFields.name(form.firstName(), "firstName", true, errors);
        String patronymic = PersonFields.name(form.patronymic(), "patronymic", false, errors);
        Phone phone = errors.check(() -> Phone.parse(form.phone(), "phone"));
        LocalDate birthDate = PersonFields.birthDate(form.birthDate(), "birthDate", LocalDate.now(clock), errors);
        Email email = errors.check(() -> Email.parse(form.email(), "email"));
        if (form.termsVersion() == null || !form.termsVersion().strip().equals(properties.termsVersion())) {
            errors.reject("termsVersion", "identity.validation.terms", properties.termsVersion());
        }
        String region = form.region() == null || form.region().isBlank()
                ? null
                : form.region().strip();
        if (region != null && !RussianRegions.known(region)) {
            errors.reject("region", "identity.validation.region-known");
        }
        errors.throwIfAny();
        Registered registered;
        try {
            registered = transaction.execute(status -> {
                if (accounts.phoneTaken(phone.e164())) {
                    throw IdentityRefusal.phoneTaken();
                }
                if (accounts.emailTaken(email.address())) {
                    throw IdentityRefusal.emailTaken();
                }
                var now = clock.instant();
                var created = createPatient(
                        new NewPatient(lastName, firstName, patronymic, birthDate, phone.e164(), email.address(), null),
                        false,
                        now);
                accounts.acceptTerms(created.userId(), properties.termsVersion(), now, client.address());
                if (region != null) {
                    // The patient's own word (SPEC B5): ESIA replaces it only with data updated later.
                    regions.set(created.patientId(), region);
                }
                sendConfirmation(created.userId(), email.address(), linkBase, locale);
                return created;
            });
        } catch (DuplicateKeyException race) {
            // Another registration with the same phone or e-mail committed between the check and the insert.
            throw accounts.phoneTaken(phone.e164()) ? IdentityRefusal.phoneTaken() : IdentityRefusal.emailTaken();
        }
        return registered;
    }

    /** A new patient as the account is created from a registration, ESIA claims or demo data. */
    record NewPatient(
            String lastName,
            String firstName,
            String patronymic,
            LocalDate birthDate,
            String phone,
            String email,
            String snils) {}

    /**
     * Creates a patient account with the id of its (still empty) medical record and tells the other
     * modules, in the caller's transaction.
     */
    Registered createPatient(NewPatient patient, boolean emailConfirmed, Instant now) {
        var created = new Registered(new UserId(UUID.randomUUID()), new PatientId(UUID.randomUUID()));
        accounts.insert(
                created.userId(),
                created.patientId(),
                Account.Status.ACTIVE,
                patient.lastName(),
                patient.firstName(),
                patient.patronymic(),
                patient.birthDate(),
                patient.phone(),
                patient.email(),
                patient.snils(),
                now);
        if (emailConfirmed && patient.email() != null) {
            accounts.confirmEmail(created.userId(), now);
        }
        roleGrants.grant(created.userId(), Role.PATIENT, null);
        events.publishEvent(new PatientRegistered(
                created.userId(),
                created.patientId(),
                patient.lastName(),
                patient.firstName(),
                patient.patronymic(),
                patient.birthDate(),
                now));
        return created;
    }

    /**
     * Creates the medical record of a child who has no phone or e-mail of their own (SPEC E11, F3):
     * the account cannot sign in until {@link #assignPhone} gives it a phone. The access module
     * links it to the parent; this module only keeps the person.
     *
     * @param birthDate ISO {@code yyyy-MM-dd}
     * @throws InvalidInput naming every wrong field
     */
    public Registered registerChild(String lastName, String firstName, String patronymic, String birthDate) {
        var errors = new FieldErrors();
        String last = PersonFields.name(lastName, "lastName", true, errors);
        String first = PersonFields.name(firstName, "firstName", true, errors);
        String middle = PersonFields.name(patronymic, "patronymic", false, errors);
        LocalDate born = PersonFields.birthDate(birthDate, "birthDate", LocalDate.now(clock), errors);
        errors.throwIfAny();
        return transaction.execute(status ->
                createPatient(new NewPatient(last, first, middle, born, null, null, null), false, clock.instant()));
    }

    /**
     * Gives a patient without a phone of their own (a child grown up) a phone to sign in with by SMS
     * code.
     *
     * @throws IdentityRefusal {@code phone-taken}
     * @throws NotFound when the patient has no account
     */
    public void assignPhone(PatientId patient, String phone) {
        var number = Phone.parse(phone, "phone");
        try {
            transaction.executeWithoutResult(status -> {
                var account = accounts.byPatient(patient).orElseThrow(NotFound::new);
                if (accounts.phoneTaken(number.e164())) {
                    throw IdentityRefusal.phoneTaken();
                }
                accounts.assignPhone(account.id(), number.e164());
            });
        } catch (DuplicateKeyException race) {
            throw IdentityRefusal.phoneTaken();
        }
    }

    /**
     * Confirms an e-mail address by its single-use link; until then no e-mail notices go there.
     *
     * @throws IdentityRefusal {@code link-expired} when the link is unknown, used or older than 24 h
     */
    public void confirmEmail(String token) {
        var confirmed = transaction.execute(status -> links.use(token, Links.Purpose.CONFIRM_EMAIL)
                .map(account -> {
                    accounts.confirmEmail(account, clock.instant());
                    return account;
                }));
        if (confirmed == null || confirmed.isEmpty()) {
            throw IdentityRefusal.linkExpired();
        }
    }

    private void sendConfirmation(UserId account, String email, String linkBase, Locale locale) {
        String token = links.create(
                account, Links.Purpose.CONFIRM_EMAIL, properties.links().confirmEmail());
        notifications.sendEmail(
                email,
                text("identity.mail.confirm.subject", locale),
                text("identity.mail.confirm.body", locale).formatted(linkBase + "/register/confirm?token=" + token));
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
