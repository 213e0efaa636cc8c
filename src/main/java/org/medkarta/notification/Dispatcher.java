package org.medkarta.notification;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the outbox: claims a due message, hands it to its channel's gateway and records the
 * outcome, all in one transaction per message.
 *
 * <p>The row stays locked while the gateway is called, so no other dispatcher can deliver it at the
 * same time, and the SENT mark commits with the claim. A node that dies after the gateway accepted
 * a message but before the commit leaves it pending, so it is sent again (at least once, never
 * lost): the dev outbox records in the same transaction and so never repeats, and the HTTP gateway
 * passes the idempotency key for the provider to deduplicate.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Outbox outbox;
    private final SmsGateway sms;
    private final MailGateway mail;
    private final NotificationProperties.Dispatch settings;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final MeterRegistry meters;

    Dispatcher(
            Outbox outbox,
            SmsGateway sms,
            MailGateway mail,
            NotificationProperties properties,
            PlatformTransactionManager transactions,
            Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.outbox = outbox;
        this.sms = sms;
        this.mail = mail;
        this.settings = properties.dispatch();
        this.ownTransaction = new TransactionTemplate(transactions);
        // Also when called from a caller's afterCommit, whose finished transaction is still bound.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Delivers due messages, at most {@code max-per-poll}; returns how many were tried. */
    int deliverDue() {
        int tried = 0;
        while (tried < settings.maxPerPoll() && inOwnTransaction(() -> deliver(outbox.claimDue(clock.instant())))) {
            tried++;
        }
        return tried;
    }

    /** Delivers one message now if it is still pending (right after the transaction that queued it). */
    void deliver(UUID id) {
        inOwnTransaction(() -> deliver(outbox.claim(id)));
    }

    private boolean inOwnTransaction(Supplier<Boolean> work) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> work.get()));
    }

    private boolean deliver(Optional<Envelope> claimed) {
        claimed.ifPresent(this::deliver);
        return claimed.isPresent();
    }

    private void deliver(Envelope message) {
        try {
            if (message.channel() == Channel.SMS) {
                sms.send(message);
            } else {
                mail.send(message);
            }
            outbox.sent(message.id(), clock.instant());
            counted(message, "sent");
        } catch (ChannelUnavailable missing) {
            // A configuration gap is not the message's fault: wait for it without spending attempts.
            log.warn("{} {} not sent: {}", message.channel(), message.id(), missing.reason());
            outbox.postpone(message.id(), missing.reason(), clock.instant().plus(settings.maxRetryDelay()));
            counted(message, "postponed");
        } catch (Exception failure) {
            int failures = message.attempts() + 1;
            String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            if (failures >= settings.maxAttempts()) {
                log.error(
                        "{} {} failed for good after {} attempts: {}",
                        message.channel(),
                        message.id(),
                        failures,
                        error);
                outbox.givenUp(message.id(), error);
                counted(message, "failed");
            } else {
                log.warn("{} {} attempt {} failed: {}", message.channel(), message.id(), failures, error);
                outbox.failed(message.id(), error, clock.instant().plus(settings.retryDelayAfter(failures)));
                counted(message, "retry");
            }
        }
    }

    /** {@code medkarta.outbox.deliveries} by channel and outcome: sent, retry, failed (for good), postponed. */
    private void counted(Envelope message, String outcome) {
        meters.counter(
                        "medkarta.outbox.deliveries",
                        "channel",
                        message.channel().name().toLowerCase(Locale.ROOT),
                        "outcome",
                        outcome)
                .increment();
    }
}
