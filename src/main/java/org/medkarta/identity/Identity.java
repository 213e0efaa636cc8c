package org.medkarta.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Phone;
import org.medkarta.shared.RussianRegions;
import org.medkarta.shared.Snils;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity module's whole API: registration, sign-in by SMS code and by password with TOTP,
 * API tokens, single-use links and the user's own account and history. Every refusal is an {@link
 * IdentityRefusal} or {@link InvalidInput} named as the public API contract names it.
 */
@Service
public class Identity {

    static final String NAME = "^[\\p{IsCyrillic}\\p{IsLatin}][\\p{IsCyrillic}\\p{IsLatin}' \\-]{0,99}$";

    private final Accounts accounts;
    private final OneTimeCodes codes;
    private final Links links;
    private final SignIns signIns;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final PasswordEncoder passwords;
    private final Notifications notifications;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final IdentityProperties properties;
    private final PatientRegions regions;
    private final Clock clock;

    Identity(
            Accounts accounts,
            OneTimeCodes codes,
            Links links,
            SignIns signIns,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            PasswordEncoder passwords,
            Notifications notifications,
            MessageSource messages,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            IdentityProperties properties,
            PatientRegions regions,
            Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.links = links;
        this.signIns = signIns;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.notifications = notifications;
        this.messages = messages;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
        this.regions = regions;
        this.clock = clock;
    }

    /** Whether "sign in with ESIA" is offered. */
    public boolean esiaEnabled() {
        return properties.esia().enabled();
    }

    /** The version of the platform terms a registration must accept. */
    public String termsVersion() {
        return properties.termsVersion();
    }

    /** The current platform terms in the person's language, so that an app can show what it asks to accept. */
    public Terms terms(java.util.Locale locale) {
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
        String lastName = name(form.lastName(), "lastName", true, errors);
        String firstName = name(form.firstName(), "firstName", true, errors);
        String patronymic = name(form.patronymic(), "patronymic", false, errors);
        Phone phone = errors.check(() -> Phone.parse(form.phone(), "phone"));
        LocalDate birthDate = birthDate(form.birthDate(), errors);
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
    Registered createPatient(NewPatient patient, boolean emailConfirmed, java.time.Instant now) {
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
        grant(created.userId(), Role.PATIENT, null);
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
        String last = name(lastName, "lastName", true, errors);
        String first = name(firstName, "firstName", true, errors);
        String middle = name(patronymic, "patronymic", false, errors);
        LocalDate born = birthDate(birthDate, errors);
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
        java.util.function.BiConsumer<String, Long> deliver;
        if (!byEmail) {
            deliver = account.isEmpty()
                    ? null
                    : (code, minutes) -> notifications.sendSms(
                            number.e164(), text("identity.sms.code", locale).formatted(code, minutes));
        } else {
            deliver = account.filter(found -> found.email() != null && found.emailConfirmedAt() != null)
                    .<java.util.function.BiConsumer<String, Long>>map(
                            found -> (code, minutes) -> notifications.sendEmail(
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
            sendReset(found, linkBase, locale, "identity.mail.locked");
            return PasswordOutcome.refused(found, IdentityRefusal.accountLocked());
        }
        accounts.passwordFailed(found.id(), failed, null);
        return PasswordOutcome.refused(found, IdentityRefusal.badCredentials());
    }

    /**
     * Tokens for a staff member signed in by password; refused while their clinic requires an
     * authenticator app they have not set up (that is done in the browser, on the security page).
     *
     * @throws IdentityRefusal {@code totp-enrolment-required}
     */
    public Tokens staffTokensFor(SignedInUser user) {
        if (totpEnrolmentRequired(user.userId())) {
            throw IdentityRefusal.totpEnrolmentRequired();
        }
        return tokensFor(user);
    }

    /** E-mails a password reset link valid one hour; says nothing about whether the address exists. */
    public void requestPasswordReset(String email, String linkBase, Locale locale) {
        if (email == null || email.isBlank()) {
            throw new InvalidInput("email", "validation.required");
        }
        transaction.executeWithoutResult(
                status -> accounts.byEmail(email.strip().toLowerCase(Locale.ROOT))
                        .filter(account -> account.status() != Account.Status.CLOSED)
                        .ifPresent(account -> sendReset(account, linkBase, locale, "identity.mail.reset")));
    }

    /** Whether a reset or invitation link can still be used. */
    public boolean passwordLinkValid(String token) {
        return links.valid(token, Links.Purpose.RESET_PASSWORD) || links.valid(token, Links.Purpose.INVITATION);
    }

    /**
     * Sets a new password through a reset or invitation link, unlocking the account.
     *
     * @throws InvalidInput when the password is too weak
     * @throws IdentityRefusal {@code link-expired}
     */
    public void setPassword(String token, String password) {
        checkPasswordStrength(password);
        var done = transaction.execute(status -> links.use(token, Links.Purpose.RESET_PASSWORD)
                .or(() -> links.use(token, Links.Purpose.INVITATION))
                .map(account -> {
                    accounts.setPassword(account, passwords.encode(password));
                    // The link came by e-mail, so using it proves the mailbox is theirs.
                    accounts.confirmEmail(account, clock.instant());
                    refreshTokens.revokeAll(account);
                    return account;
                }));
        if (done == null || done.isEmpty()) {
            throw IdentityRefusal.linkExpired();
        }
    }

    /**
     * Invites a doctor or administrator by e-mail (SPEC A8); they set their own password through the
     * link. An existing account with that e-mail gets the role added instead.
     */
    public UserId invite(
            String email,
            String lastName,
            String firstName,
            String patronymic,
            Role role,
            ClinicId clinic,
            String linkBase,
            Locale locale) {
        var errors = new FieldErrors();
        Email address = errors.check(() -> Email.parse(email, "email"));
        String last = name(lastName, "lastName", true, errors);
        String first = name(firstName, "firstName", true, errors);
        String middle = name(patronymic, "patronymic", false, errors);
        errors.throwIfAny();
        return transaction.execute(status -> {
            var existing = accounts.byEmail(address.address());
            if (existing.isPresent()) {
                grant(existing.get().id(), role, clinic);
                return existing.get().id();
            }
            var id = new UserId(UUID.randomUUID());
            accounts.insert(
                    id,
                    null,
                    Account.Status.INVITED,
                    last,
                    first,
                    middle,
                    null,
                    null,
                    address.address(),
                    null,
                    clock.instant());
            grant(id, role, clinic);
            String token = links.create(
                    id, Links.Purpose.INVITATION, properties.links().invitation());
            notifications.sendEmail(
                    address.address(),
                    text("identity.mail.invitation.subject", locale),
                    text("identity.mail.invitation.body", locale)
                            .formatted(first, linkBase + "/password/set?token=" + token));
            return id;
        });
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
        String lastName = name(claims.lastName(), "lastName", true, errors);
        String firstName = name(claims.firstName(), "firstName", true, errors);
        String patronymic = name(claims.patronymic(), "patronymic", false, errors);
        LocalDate birthDate = birthDate(claims.birthDate(), errors);
        errors.throwIfAny();
        String email = Optional.ofNullable(claims.email())
                .filter(address -> !address.isBlank())
                .map(address -> Email.parse(address, "email").address())
                .filter(address -> !accounts.emailTaken(address))
                .orElse(null);
        // ESIA has verified the e-mail address, so no confirmation link is needed.
        var id = createPatient(
                        new NewPatient(lastName, firstName, patronymic, birthDate, phone.e164(), email, snils),
                        true,
                        clock.instant())
                .userId();
        accounts.linkEsia(id, claims.subject(), snils);
        return accounts.byId(id).orElseThrow();
    }

    /**
     * Where a person can be reached: their phone, and their e-mail only once it is confirmed, so that
     * no notice goes to an address nobody has proved to own (SPEC A2).
     */
    public Optional<org.medkarta.notification.Contact> contact(UserId user) {
        return accounts.contact(user);
    }

    /** Issues API tokens for a signed-in user: a 15-minute access token and a refresh token. */
    public Tokens tokensFor(SignedInUser user) {
        String refresh = transaction.execute(status -> refreshTokens.start(user.userId()));
        return Tokens.bearer(accessTokens.issue(user), refresh, accessTokens.lifetimeSeconds());
    }

    /**
     * Exchanges a refresh token for new tokens. A token used twice revokes its whole family.
     *
     * @throws IdentityRefusal {@code invalid-token}
     */
    public Tokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new InvalidInput("refreshToken", "validation.required");
        }
        var rotated = transaction.execute(status -> refreshTokens.rotate(refreshToken.strip()));
        var account = rotated.flatMap(next -> accounts.byId(next.user()))
                .filter(found -> found.status() == Account.Status.ACTIVE && found.lockedAt() == null);
        if (account.isEmpty()) {
            throw IdentityRefusal.invalidToken();
        }
        var user = account.get().signedIn("REFRESH");
        return Tokens.bearer(accessTokens.issue(user), rotated.get().token(), accessTokens.lifetimeSeconds());
    }

    /** Ends the API sign-in a refresh token belongs to. */
    public void signOut(String refreshToken) {
        if (refreshToken != null && !refreshToken.isBlank()) {
            transaction.executeWithoutResult(status -> refreshTokens.revoke(refreshToken.strip()));
        }
    }

    /** Ends every API sign-in of a user ("sign out everywhere else" also ends browser sessions). */
    public void revokeApiTokens(UserId user) {
        transaction.executeWithoutResult(status -> refreshTokens.revokeAll(user));
    }

    /**
     * The patients staff may book for, found by a phone or a SNILS as typed (SPEC C6): the account
     * holding it, when it has a medical record.
     */
    public List<AccountView> findPatients(String phoneOrSnils) {
        if (phoneOrSnils == null || phoneOrSnils.isBlank()) {
            return List.of();
        }
        Optional<Account> found = Optional.empty();
        try {
            found = accounts.byPhone(Phone.parse(phoneOrSnils, "query").e164());
        } catch (InvalidInput notAPhone) {
            // It may still be a SNILS.
        }
        if (found.isEmpty()) {
            try {
                found = accounts.bySnils(Snils.parse(phoneOrSnils, "query").digits());
            } catch (InvalidInput notASnils) {
                // Neither: nobody is found.
            }
        }
        return found.filter(account -> account.patientId() != null).map(AccountView::of).stream()
                .toList();
    }

    /** The account whose own medical record this is. */
    public Optional<AccountView> patient(PatientId patient) {
        return accounts.byPatient(patient).map(AccountView::of);
    }

    /** Whether the account whose record this is was closed (SPEC A9); the record itself is kept. */
    public boolean closed(PatientId patient) {
        return accounts.byPatient(patient)
                .map(account -> account.status() == Account.Status.CLOSED)
                .orElse(false);
    }

    public Optional<AccountView> account(UserId user) {
        return accounts.byId(user).map(AccountView::of);
    }

    /**
     * The open, unlocked staff account with this e-mail (an invited one too), for work done on a staff member's behalf
     * outside a request (the {@code --fhir-import} command); a patient's account is not one.
     */
    public Optional<AccountView> staffAccount(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return accounts.byEmail(email.strip().toLowerCase(Locale.ROOT))
                .filter(found -> found.status() != Account.Status.CLOSED && found.lockedAt() == null)
                .filter(found -> found.roles().stream().anyMatch(grant -> grant.role() != Role.PATIENT))
                .map(AccountView::of);
    }

    /** The user's sign-in history, newest first. */
    public List<SignInEntry> history(UserId user) {
        return signIns.of(user, 50);
    }

    /** Starts TOTP enrolment: a new secret, shown once as text and QR code, active after {@link #confirmTotp}. */
    public TotpEnrolment startTotp(UserId user) {
        var account = accounts.byId(user).orElseThrow(NotFound::new);
        String secret = Totp.newSecret();
        transaction.executeWithoutResult(status -> accounts.totp(user, secret, false, null));
        String uri = Totp.uri(secret, account.email() == null ? account.phone() : account.email());
        return new TotpEnrolment(secret, uri, Totp.qrSvg(uri));
    }

    /**
     * Turns TOTP on once the user proves their app shows the right code.
     *
     * @throws InvalidInput {@code code} when it does not match
     */
    public void confirmTotp(UserId user, String code) {
        var account = accounts.byId(user).orElseThrow(NotFound::new);
        if (account.totpSecret() == null) {
            throw new InvalidInput("code", "identity.validation.totp-not-started");
        }
        var step = Totp.matchingStep(account.totpSecret(), code, clock.instant(), account.totpLastStep());
        if (step.isEmpty()) {
            throw new InvalidInput("code", "identity.validation.totp");
        }
        transaction.executeWithoutResult(status -> accounts.totp(user, account.totpSecret(), true, step.getAsLong()));
    }

    /**
     * Makes the authenticator app mandatory (or not) for every staff member of a clinic (SPEC A6).
     * Staff without one are sent to set it up at their next sign-in and cannot use the API before.
     */
    public void requireTotp(ClinicId clinic, boolean required) {
        transaction.executeWithoutResult(status -> accounts.requireTotp(clinic, required));
    }

    /** Whether a staff member must set up the authenticator app before doing anything else. */
    public boolean totpEnrolmentRequired(UserId user) {
        return accounts.byId(user)
                .filter(account -> !account.totpEnabled())
                .map(account -> account.roles().stream()
                        .anyMatch(grant -> grant.clinic() != null && accounts.totpRequired(grant.clinic())))
                .orElse(false);
    }

    /** Gives a role and tells the audit trail, in the caller's transaction. */
    void grant(UserId user, Role role, ClinicId clinic) {
        accounts.grant(user, role, clinic);
        events.publishEvent(new RoleGranted(user, role, clinic, clock.instant()));
    }

    /** Checks a password against the rule of SPEC A4, naming the {@code password} field. */
    public static void checkPasswordStrength(String password) {
        if (password == null
                || password.length() < 8
                || password.length() > 128
                || !password.chars().anyMatch(Character::isDigit)
                || !password.chars().anyMatch(Character::isUpperCase)
                || !password.chars().anyMatch(Character::isLowerCase)) {
            throw new InvalidInput("password", "identity.validation.password");
        }
    }

    String hash(String password) {
        return passwords.encode(password);
    }

    private void sendConfirmation(UserId account, String email, String linkBase, Locale locale) {
        String token = links.create(
                account, Links.Purpose.CONFIRM_EMAIL, properties.links().confirmEmail());
        notifications.sendEmail(
                email,
                text("identity.mail.confirm.subject", locale),
                text("identity.mail.confirm.body", locale).formatted(linkBase + "/register/confirm?token=" + token));
    }

    private void sendReset(Account account, String linkBase, Locale locale, String reason) {
        String token = links.create(
                account.id(), Links.Purpose.RESET_PASSWORD, properties.links().resetPassword());
        notifications.sendEmail(
                account.email(),
                text(reason + ".subject", locale),
                text(reason + ".body", locale)
                        .formatted(account.firstName(), linkBase + "/password/set?token=" + token));
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }

    private static String name(String value, String field, boolean required, FieldErrors errors) {
        String clean = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            if (required) {
                errors.reject(field, "validation.required");
            }
            return null;
        }
        if (!clean.matches(NAME)) {
            errors.reject(field, "identity.validation.name");
            return null;
        }
        return clean;
    }

    private LocalDate birthDate(String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.reject("birthDate", "validation.required");
            return null;
        }
        try {
            var date = LocalDate.parse(value.strip());
            if (date.isAfter(LocalDate.now(clock)) || date.isBefore(LocalDate.of(1900, 1, 1))) {
                errors.reject("birthDate", "identity.validation.birth-date");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.reject("birthDate", "identity.validation.date-format");
            return null;
        }
    }

    // A bcrypt hash of a random value, checked when no account exists so every refusal costs the same.
    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z6p1sO6CzhIfXJ1Ks5Q8Q7rC";

    private record PasswordOutcome(Account account, IdentityRefusal refusal) {
        static PasswordOutcome refused(Account account, IdentityRefusal refusal) {
            return new PasswordOutcome(account, refusal);
        }
    }
}
