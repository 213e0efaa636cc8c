package org.medkarta.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff accounts (SPEC A4, A6, A8): invitations by e-mail with a link to set one's own password, the
 * password rule, resets and the lock after wrong passwords, and the authenticator app (TOTP), which a
 * clinic may make mandatory for its staff.
 */
@Service
public class StaffAccounts {

    private final Accounts accounts;
    private final Links links;
    private final RefreshTokens refreshTokens;
    private final PasswordEncoder passwords;
    private final RoleGrants roleGrants;
    private final Notifications notifications;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final IdentityProperties properties;
    private final Clock clock;

    StaffAccounts(
            Accounts accounts,
            Links links,
            RefreshTokens refreshTokens,
            PasswordEncoder passwords,
            RoleGrants roleGrants,
            Notifications notifications,
            MessageSource messages,
            TransactionTemplate transaction,
            IdentityProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.roleGrants = roleGrants;
        this.notifications = notifications;
        this.messages = messages;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
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
        String last = PersonFields.name(lastName, "lastName", true, errors);
        String first = PersonFields.name(firstName, "firstName", true, errors);
        String middle = PersonFields.name(patronymic, "patronymic", false, errors);
        errors.throwIfAny();
        return transaction.execute(status -> {
            var existing = accounts.byEmail(address.address());
            if (existing.isPresent()) {
                roleGrants.grant(existing.get().id(), role, clinic);
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
            roleGrants.grant(id, role, clinic);
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

    /** E-mails a link to set a new password, valid one hour, with the text {@code reason} names. */
    void sendReset(Account account, String linkBase, Locale locale, String reason) {
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
}
