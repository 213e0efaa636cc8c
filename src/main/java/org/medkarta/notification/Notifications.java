package org.medkarta.notification;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notification module's whole API: SMS, e-mail and in-app notices, and each user's choice of
 * channels. Callers give the recipient and the finished, localised text; this module decides how
 * it travels.
 *
 * <p>Sending never delivers on the spot: it writes the message into the outbox in the caller's
 * transaction (SPEC H3), so a rolled-back caller sends nothing, and the dispatcher delivers it
 * after commit, retrying with back-off. An idempotency key makes sending the same thing twice (a
 * retried event, a double click) send it once.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final Locale ENGLISH = Locale.ENGLISH;

    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final Notices notices;
    private final Preferences preferences;
    private final NotificationProperties.AfterCommit afterCommit;
    private final Executor background;
    private final MessageSource messages;
    private final Clock clock;

    Notifications(
            Outbox outbox,
            Dispatcher dispatcher,
            Notices notices,
            Preferences preferences,
            NotificationProperties properties,
            @Qualifier("applicationTaskExecutor") Executor background,
            MessageSource messages,
            Clock clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.notices = notices;
        this.preferences = preferences;
        this.afterCommit = properties.dispatch().afterCommit();
        this.background = background;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Sends a text message to a phone number in E.164 form, whatever the user's preferences: for
     * one-time codes and confirmations. Joins the caller's transaction.
     */
    @Transactional
    public void sendSms(String phone, String text) {
        sendSms(phone, text, UUID.randomUUID().toString());
    }

    /**
     * Sends a text message once per idempotency key: a second call with the same key does nothing.
     *
     * @param idempotencyKey at most 200 characters, unique across all messages (prefix it with what
     *     it is about, such as {@code "otp:" + challengeId})
     */
    @Transactional
    public void sendSms(String phone, String text, String idempotencyKey) {
        queue(Channel.SMS, phone, null, text, idempotencyKey);
    }

    /**
     * Sends a plain-text e-mail, whatever the user's preferences: for confirmation links. Joins the
     * caller's transaction.
     */
    @Transactional
    public void sendEmail(String address, String subject, String body) {
        sendEmail(address, subject, body, UUID.randomUUID().toString());
    }

    /** Sends a plain-text e-mail once per idempotency key, as {@link #sendSms(String, String, String)}. */
    @Transactional
    public void sendEmail(String address, String subject, String body, String idempotencyKey) {
        queue(Channel.EMAIL, address, subject, body, idempotencyKey);
    }

    /**
     * Adds a notice to the user's in-app notification centre, whatever their preferences.
     *
     * @param link a path inside the app that the notice leads to, or null
     */
    @Transactional
    public void notify(UserId user, String title, String body, String link) {
        notices.add(user, title, body, link, UUID.randomUUID().toString(), clock.instant());
    }

    /**
     * Tells a user something by the channels they chose (every channel until they choose): a
     * booking, a reminder, a new result. A channel they chose but have no address for is skipped.
     */
    @Transactional
    public void tell(UserId user, Contact contact, Message message) {
        tell(user, contact, message, UUID.randomUUID().toString());
    }

    /**
     * {@link #tell(UserId, Contact, Message)} once per idempotency key (for an event listener that a
     * crash may run twice); each channel derives its own key from it.
     */
    @Transactional
    public void tell(UserId user, Contact contact, Message message, String idempotencyKey) {
        NotificationPreferences chosen = preferences.of(user);
        if (chosen.sms() && present(contact.phone())) {
            queue(Channel.SMS, contact.phone(), null, message.smsText(), idempotencyKey + ":sms");
        }
        if (chosen.email() && present(contact.email())) {
            queue(Channel.EMAIL, contact.email(), message.title(), message.emailBody(), idempotencyKey + ":email");
        }
        if (chosen.inApp()) {
            notices.add(
                    user, message.title(), message.text(), message.link(), idempotencyKey + ":notice", clock.instant());
        }
    }

    /** The user's notices, newest first (the latest hundred). */
    @Transactional(readOnly = true)
    public List<Notice> notices(UserId user) {
        return notices.of(user);
    }

    /** How many of the user's notices are unread: the badge on the bell. */
    @Transactional(readOnly = true)
    public int unreadCount(UserId user) {
        return notices.unread(user);
    }

    /**
     * Marks one of the user's notices read; reading it again changes nothing.
     *
     * @throws NotFound when the notice does not exist or belongs to someone else
     */
    @Transactional
    public void markRead(UserId user, UUID noticeId) {
        if (!notices.exists(user, noticeId)) {
            throw new NotFound();
        }
        notices.markRead(user, noticeId, clock.instant());
    }

    /** Marks all the user's notices read; returns how many were unread. */
    @Transactional
    public int markAllRead(UserId user) {
        return notices.markRead(user, null, clock.instant());
    }

    /** The channels the user chose, or every channel if they never chose. */
    @Transactional(readOnly = true)
    public NotificationPreferences preferences(UserId user) {
        return preferences.of(user);
    }

    /** Saves the channels the user wants to be told by. */
    @Transactional
    public void choose(UserId user, NotificationPreferences chosen) {
        preferences.choose(user, chosen, clock.instant());
    }

    /**
     * The language the user is told in: English when they chose it, otherwise Russian, the
     * platform's language (SPEC J1). Callers write the message in it before {@link #tell}.
     */
    @Transactional(readOnly = true)
    public Locale language(UserId user) {
        return preferences.language(user).filter(ENGLISH.getLanguage()::equals).isPresent() ? ENGLISH : RUSSIAN;
    }

    /**
     * {@link #tell(UserId, Contact, Message, String)} a notice whose words are fixed, its title and
     * text read from the message bundles in the user's {@link #language}: for notices that say only
     * that something happened and where to look, never what (no medical text in an SMS).
     */
    @Transactional
    public void tellInTheirLanguage(
            UserId user, Contact contact, String titleKey, String textKey, String link, String idempotencyKey) {
        Locale language = language(user);
        var message = new Message(
                messages.getMessage(titleKey, null, language), messages.getMessage(textKey, null, language), link);
        tell(user, contact, message, idempotencyKey);
    }

    /**
     * Saves the language the user wants to be told in.
     *
     * @throws InvalidInput naming {@code language} when it is neither Russian nor English
     */
    @Transactional
    public void chooseLanguage(UserId user, Locale language) {
        String code = language == null ? "" : language.getLanguage();
        if (!code.equals(RUSSIAN.getLanguage()) && !code.equals(ENGLISH.getLanguage())) {
            throw new InvalidInput("language", "notification.validation.language");
        }
        preferences.chooseLanguage(user, code, clock.instant());
    }

    /** Where the SMS or e-mail sent with this idempotency key stands; empty if none was. */
    @Transactional(readOnly = true)
    public Optional<Delivery> delivery(String idempotencyKey) {
        return outbox.delivery(idempotencyKey);
    }

    /**
     * Delivers every message that is due now on this thread, as the poller would: for tests and
     * demos that must see a message delivered without waiting for the next poll. Returns how many
     * messages were tried. Must not be called inside a transaction that queued them (they are not
     * committed yet).
     */
    public int deliverPending() {
        int tried = 0;
        int round;
        do {
            round = dispatcher.deliverDue();
            tried += round;
        } while (round > 0);
        return tried;
    }

    private void queue(Channel channel, String to, String subject, String body, String key) {
        outbox.put(channel, to.strip(), subject, body, key, clock.instant()).ifPresent(this::deliverAfterCommit);
    }

    private void deliverAfterCommit(UUID message) {
        if (afterCommit == NotificationProperties.AfterCommit.NONE) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (afterCommit == NotificationProperties.AfterCommit.INLINE) {
                    deliverQuietly(message);
                } else {
                    background.execute(() -> deliverQuietly(message));
                }
            }
        });
    }

    /** The caller's transaction has committed: a failure here is the poller's to retry, not theirs. */
    private void deliverQuietly(UUID message) {
        try {
            dispatcher.deliver(message);
        } catch (RuntimeException e) {
            log.warn("Delivery of {} right after commit failed; the poller will retry", message, e);
        }
    }

    private static boolean present(String address) {
        return address != null && !address.isBlank();
    }
}
