package org.medkarta.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient closes their own account (SPEC A9, issue 20), confirmed by a one-time code sent to their
 * phone (seed 001: «Подтвердить действие с помощью одноразового кода»).
 *
 * <p>In one transaction, with the account row locked (so a double submission closes it once and the
 * second is refused): the code is used up; {@link AccountClosed} is published, on which the access
 * module revokes every grant the patient gave or holds and ends their representation of children,
 * the scheduling module cancels the future appointments through its ordinary cancellation (the
 * slots are freed, the patient is told) and the audit trail records the closure; then the account
 * is marked closed, its refresh tokens revoked and its browser sessions deleted. Access tokens
 * already issued are refused from the next request on, because every use of one checks that its
 * account is not closed ({@link AccessTokens}).
 *
 * <p>The phone, e-mail, SNILS and ESIA subject are moved into {@code closed_*} columns: a new
 * registration with the same phone creates a new account with a new, empty record. The old record
 * keeps its id and stays linked to the closed account, which staff still reach within their care
 * relationships (and by the old phone in the patient search); the new account sees it only when a
 * verified record request binds it (the access module's record requests). The record is kept for
 * {@code medkarta.identity.closed-account-retention} (25 years by default), which the page and an
 * e-mail to a confirmed address tell the patient.
 */
@Service
public class AccountClosure {

    /** What a closure came to: when, and until when the medical record is kept. */
    public record Closed(Instant closedAt, LocalDate retainUntil) {}

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final Accounts accounts;
    private final ActionCodes codes;
    private final RefreshTokens refreshTokens;
    private final Notifications notifications;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final Clock clock;

    AccountClosure(
            Accounts accounts,
            ActionCodes codes,
            RefreshTokens refreshTokens,
            Notifications notifications,
            MessageSource messages,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            JdbcClient jdbc,
            IdentityProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.notifications = notifications;
        this.messages = messages;
        this.events = events;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the record of a closed account is kept. */
    public Period retention() {
        return properties.closedAccountRetention();
    }

    /**
     * Sends the code that confirms the closure to the patient's phone (and to a confirmed e-mail).
     *
     * @throws NotFound when the account is no patient's open account
     * @throws IdentityRefusal {@code resend-too-soon}, {@code closure-refused} for staff accounts
     */
    public CodeSent requestCode(SignedInUser user, Locale locale) {
        var sent = transaction.execute(status -> {
            var account = closable(user);
            var code = codes.issue(account.id(), ActionCodes.Purpose.CLOSE_ACCOUNT, clock.instant());
            code.ifPresent(value -> {
                String text = messages.getMessage(
                        "identity.close.code.sms",
                        new Object[] {value, properties.otp().validity().toMinutes()},
                        locale);
                if (account.phone() != null) {
                    notifications.sendSms(account.phone(), text);
                }
                if (account.email() != null && account.emailConfirmedAt() != null) {
                    notifications.sendEmail(
                            account.email(), messages.getMessage("identity.close.code.subject", null, locale), text);
                }
            });
            return code.isPresent();
        });
        if (!Boolean.TRUE.equals(sent)) {
            throw IdentityRefusal.resendTooSoon(codes.resendAfter());
        }
        return new CodeSent(
                properties.otp().validity().toSeconds(), DomainException.wholeSecondsUp(codes.resendAfter()));
    }

    /**
     * Closes the account with the code sent by {@link #requestCode}.
     *
     * @throws org.medkarta.shared.InvalidInput {@code code} when it is missing, wrong or void
     * @throws NotFound when the account is no patient's open account (closed already, too)
     * @throws IdentityRefusal {@code closure-refused} for staff accounts
     */
    public Closed close(SignedInUser user, String code, Locale locale) {
        record Outcome(Closed closed, DomainException refusal) {}
        var outcome = transaction.execute(status -> {
            var account = closable(user);
            Instant now = clock.instant();
            var refused = codes.check(account.id(), ActionCodes.Purpose.CLOSE_ACCOUNT, code, now);
            if (refused.isPresent()) {
                return new Outcome(null, refused.get());
            }
            LocalDate retainUntil = LocalDate.ofInstant(now, MOSCOW).plus(retention());
            // Before the contacts are freed: the cancellations tell the patient where they still can.
            events.publishEvent(new AccountClosed(account.id(), account.patientId(), now, retainUntil));
            accounts.close(account.id(), now, retainUntil);
            refreshTokens.revokeAll(account.id());
            jdbc.sql("DELETE FROM spring_session WHERE principal_name = :name")
                    .param("name", account.id().value().toString())
                    .update();
            if (account.email() != null && account.emailConfirmedAt() != null) {
                notifications.sendEmail(
                        account.email(),
                        messages.getMessage("identity.close.mail.subject", null, locale),
                        messages.getMessage(
                                "identity.close.mail.body",
                                new Object[] {account.firstName(), date(retainUntil), retentionYears()},
                                locale));
            }
            return new Outcome(new Closed(now, retainUntil), null);
        });
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.closed();
    }

    /** The retention in whole years, as the page and the e-mail say it. */
    public long retentionYears() {
        return retention().toTotalMonths() / 12;
    }

    /** The date the record of an account closed today would be kept until. */
    public LocalDate retainedUntilIfClosedNow() {
        return LocalDate.ofInstant(clock.instant(), MOSCOW).plus(retention());
    }

    private Account closable(SignedInUser user) {
        var account = accounts.lockedById(user.userId()).orElseThrow(NotFound::new);
        // Staff (an invited doctor too) are told why, whatever their account's state.
        if (account.roles().stream().anyMatch(grant -> grant.role() != Role.PATIENT)) {
            throw IdentityRefusal.closureRefused();
        }
        if (account.status() != Account.Status.ACTIVE || account.patientId() == null) {
            throw new NotFound();
        }
        return account;
    }

    private static String date(LocalDate date) {
        return DateTimeFormatter.ofPattern("dd.MM.yyyy").format(date);
    }
}
