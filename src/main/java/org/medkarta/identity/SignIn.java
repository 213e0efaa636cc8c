package org.medkarta.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.Phone;
import org.medkarta.shared.Snils;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing in (SPEC A3–A6): a patient by the one-time code sent by SMS or, the reserve way, to their
 * confirmed e-mail (order 003 §12-14, §22), staff by e-mail and password with a TOTP code where they
 * set one up, and a patient through ESIA, found or created from its claims. Every attempt is written
 * to the sign-in history; every refusal is an {@link IdentityRefusal} or {@link InvalidInput}.
 */
@Service
public class SignIn {

    private final Accounts accounts;
    private final OneTimeCodes codes;
    private final SignIns signIns;
    private final PasswordEncoder passwords;
    private final Registration registration;
    private final StaffAccounts staffAccounts;
    private final Notifications notifications;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final IdentityProperties properties;
    private final PatientRegions regions;
    private final Clock clock;

    SignIn(
            Accounts accounts,
            OneTimeCodes codes,
            SignIns signIns,
            PasswordEncoder passwords,
            Registration registration,
            StaffAccounts staffAccounts,
            Notifications notifications,
            MessageSource messages,
            TransactionTemplate transaction,
            IdentityProperties properties,
            PatientRegions regions,
            Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.signIns = signIns;
        this.passwords = passwords;
        this.registration = registration;
        this.staffAccounts = staffAccounts;
        this.notifications = notifications;
        this.messages = messages;
        this.transaction = transaction;
        this.properties = properties;
        this.regions = regions;
        this.clock = clock;
    }

    /** Whether "sign in with ESIA" is offered. */
    public boolean esiaEnabled() {
        return properties.esia().enabled();
    }

    /**
     * Sends a one-time sign-in code by SMS (SPEC A5). An unregistered phone gets the same answer and
     * no SMS, so the answer reveals nothing about who is registered.
     */
    public CodeSent requestCode(String phone, ClientInfo client, Locale locale) {
        return requestCode(phone, null, client, locale);
    }

    /**
     * Sends a one-time sign-in code for a phone by the channel asked for: {@code sms} (also when
     * none is named) or {@code email}, the reserve way for a patient without their phone (seed 001:
     * «Отсутствие доступа к телефону - в этом случае применяется резервный способ получения кода
     * через электронную почту»), which goes to the account's confirmed address only. The code, its
     * validity, the resend pause and the wrong-code count and block are the phone's, shared by both
     * channels. An unknown phone, a closed account or one without a confirmed address gets the same
     * answer as a registered one and no message.
     *
     * @throws InvalidInput {@code phone}, or {@code channel} when it is neither
     */
    public CodeSent requestCode(String phone, String channel, ClientInfo client, Locale locale) {
        var number = Phone.parse(phone, "phone");
        boolean byEmail = codeChannel(channel);
        var account = accounts.byPhone(number.e164()).filter(found -> found.status() == Account.Status.ACTIVE);
        BiConsumer<String, Long> deliver;
        if (!byEmail) {
            deliver = account.isEmpty()
                    ? null
                    : (code, minutes) -> notifications.sendSms(
                            number.e164(), text("identity.sms.code", locale).formatted(code, minutes));
        } else {
            deliver = account.filter(found -> found.email() != null && found.emailConfirmedAt() != null)
                    .<BiConsumer<String, Long>>map(found -> (code, minutes) -> notifications.sendEmail(
                            found.email(),
                            text("identity.mail.code.subject", locale),
                            text("identity.mail.code.body", locale).formatted(code, minutes)))
                    .orElse(null);
        }
        return codes.send(number, deliver, client.address());
    }

    /** Whether a code request names the e-mail channel; none named is SMS. */
    private static boolean codeChannel(String channel) {
        if (channel == null || channel.isBlank() || channel.strip().equalsIgnoreCase("sms")) {
            return false;
        }
        if (channel.strip().equalsIgnoreCase("email")) {
            return true;
        }
        throw new InvalidInput("channel", "identity.validation.channel");
    }

    /**
     * Signs a patient in with the code sent to their phone.
     *
     * @throws IdentityRefusal {@code wrong-code} (with attempts left), {@code code-expired} or
     *     {@code sign-in-blocked}
     */
    public SignedInUser signInWithCode(String phone, String code, ClientInfo client) {
        var number = Phone.parse(phone, "phone");
        if (code == null || !code.strip().matches("\\d{6}")) {
            throw new InvalidInput("code", "identity.validation.code");
        }
        var account = accounts.byPhone(number.e164());
        try {
            codes.check(number, code.strip());
        } catch (IdentityRefusal refused) {
            account.ifPresent(found -> signIns.record(found.id(), client, "SMS_CODE", refused.problem()));
            throw refused;
        }
        // A code only goes to registered phones, so an accepted code always has its account.
        var found = account.orElseThrow(IdentityRefusal::codeExpired);
        signIns.record(found.id(), client, "SMS_CODE", "SUCCESS");
        return found.signedIn("SMS_CODE");
    }

    /**
     * Signs staff in by e-mail and password (SPEC A4), with a TOTP code where they enabled one (A6).
     * Three wrong passwords in a row lock the account and e-mail a reset link.
     *
     * @throws IdentityRefusal {@code bad-credentials}, {@code account-locked} or {@code totp-required}
     */
    public SignedInUser signInWithPassword(
            String email, String password, String totp, ClientInfo client, String linkBase, Locale locale) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        var outcome = transaction.execute(status -> {
            var account = accounts.byEmail(address).flatMap(found -> accounts.lockedById(found.id()));
            if (account.isEmpty() || account.get().passwordHash() == null) {
                // Same work as a real check, so timing does not tell which e-mails have accounts.
                passwords.matches(password == null ? "" : password, DUMMY_HASH);
                return PasswordOutcome.refused(null, IdentityRefusal.badCredentials());
            }
            var found = account.get();
            if (found.lockedAt() != null || found.status() == Account.Status.CLOSED) {
                return PasswordOutcome.refused(found, IdentityRefusal.accountLocked());
            }
            if (password == null || !passwords.matches(password, found.passwordHash())) {
                return wrongSecret(found, linkBase, locale);
            }
            if (found.totpEnabled()) {
                if (totp == null || totp.isBlank()) {
                    return PasswordOutcome.refused(found, IdentityRefusal.totpRequired());
                }
                var step = Totp.matchingStep(found.totpSecret(), totp, clock.instant(), found.totpLastStep());
                if (step.isEmpty()) {
                    // A wrong TOTP code counts as a wrong password: otherwise whoever holds the
                    // password could try all million codes (SPEC A4, A6).
                    return wrongSecret(found, linkBase, locale);
                }
                accounts.totp(found.id(), found.totpSecret(), true, step.getAsLong());
            }
            if (found.failedPasswords() > 0) {
                accounts.passwordFailed(found.id(), 0, null);
            }
            return new PasswordOutcome(found, null);
        });
        if (outcome.refusal() != null) {
            if (outcome.account() != null) {
                signIns.record(
                        outcome.account().id(),
                        client,
                        "PASSWORD",
                        outcome.refusal().problem());
            }
            throw outcome.refusal();
        }
        signIns.record(outcome.account().id(), client, "PASSWORD", "SUCCESS");
        return outcome.account().signedIn("PASSWORD");
    }

    /** Counts a wrong password or TOTP code; the last one allowed in a row locks the account and e-mails a reset link. */
    private PasswordOutcome wrongSecret(Account found, String linkBase, Locale locale) {
        int failed = found.failedPasswords() + 1;
        if (failed >= properties.passwords().maxWrong()) {
            accounts.passwordFailed(found.id(), failed, clock.instant());
            staffAccounts.sendReset(found, linkBase, locale, "identity.mail.locked");
            return PasswordOutcome.refused(found, IdentityRefusal.accountLocked());
        }
        accounts.passwordFailed(found.id(), failed, null);
        return PasswordOutcome.refused(found, IdentityRefusal.badCredentials());
    }

    /**
     * Finds or creates the patient behind an ESIA sign-in (SPEC A3): by the ESIA subject, else by
     * SNILS, else by phone (linking that account to ESIA), else a new patient from the claims. The
     * patient account still asks for the SMS code afterwards (order 003, §11-13), so this returns
     * the phone to send it to, not a signed-in user.
     *
     * @throws InvalidInput when ESIA gave no usable mobile phone or names
     */
    public String linkEsia(EsiaClaims claims, ClientInfo client) {
        if (claims.subject() == null || claims.subject().isBlank()) {
            throw new InvalidInput("subject", "validation.required");
        }
        Phone phone = Phone.parse(claims.phone(), "phone");
        String snils = claims.snils() == null || claims.snils().isBlank()
                ? null
                : Snils.parse(claims.snils(), "snils").digits();
        var account = transaction.execute(status -> accounts.byEsiaSubject(claims.subject())
                .or(() -> snils == null ? Optional.empty() : accounts.bySnils(snils))
                .or(() -> accounts.byPhone(phone.e164()))
                .map(found -> {
                    accounts.linkEsia(found.id(), claims.subject(), snils);
                    return found;
                })
                .orElseGet(() -> createFromEsia(claims, phone, snils)));
        // The region ESIA gives (issue 23), by PatientRegions' rule; a region it names that is no
        // subject's code or name is ignored rather than refusing the sign-in.
        PatientRegions.parse(claims.region())
                .filter(code -> account.patientId() != null)
                .ifPresent(code -> regions.fromEsia(account.patientId(), code, claims.updatedAt()));
        signIns.record(account.id(), client, "ESIA", "SUCCESS");
        return account.phone() == null ? phone.e164() : account.phone();
    }

    private Account createFromEsia(EsiaClaims claims, Phone phone, String snils) {
        var errors = new FieldErrors();
        String lastName = PersonFields.name(claims.lastName(), "lastName", true, errors);
        String firstName = PersonFields.name(claims.firstName(), "firstName", true, errors);
        String patronymic = PersonFields.name(claims.patronymic(), "patronymic", false, errors);
        LocalDate birthDate = PersonFields.birthDate(claims.birthDate(), "birthDate", LocalDate.now(clock), errors);
        errors.throwIfAny();
        String email = Optional.ofNullable(claims.email())
                .filter(address -> !address.isBlank())
                .map(address -> Email.parse(address, "email").address())
                .filter(address -> !accounts.emailTaken(address))
                .orElse(null);
        // ESIA has verified the e-mail address, so no confirmation link is needed.
        var id = registration
                .createPatient(
                        new Registration.NewPatient(
                                lastName, firstName, patronymic, birthDate, phone.e164(), email, snils),
                        true,
                        clock.instant())
                .userId();
        accounts.linkEsia(id, claims.subject(), snils);
        return accounts.byId(id).orElseThrow();
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }

    // A bcrypt hash of a random value, checked when no account exists so every refusal costs the same.
    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z6p1sO6CzhIfXJ1Ks5Q8Q7rC";

    private record PasswordOutcome(Account account, IdentityRefusal refusal) {
        static PasswordOutcome refused(Account account, IdentityRefusal refusal) {
            return new PasswordOutcome(account, refusal);
        }
    }
}
