package org.medkarta.messenger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the bot's bookkeeping small, run by one node at a time under ShedLock (the lock provider
 * and scheduling are switched on by the scheduling module's jobs).
 *
 * <p>Handled update ids are kept two days: Telegram keeps an unanswered update for at most 24 hours,
 * so a redelivery comes well within them; and after a week without updates Telegram picks the next
 * update id at random, so an id kept for ever could one day make a new message look handled.
 * Reminders are kept a day past their appointment's start (none is sent after it), link codes until
 * they expire.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "medkarta.scheduling.jobs", havingValue = "true", matchIfMissing = true)
class TelegramHousekeeping {

    static final Duration UPDATES_KEPT = Duration.ofDays(2);
    static final Duration REMINDERS_KEPT = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(TelegramHousekeeping.class);

    private final ChatLinks links;
    private final Clock clock;

    TelegramHousekeeping(ChatLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${medkarta.messenger.housekeeping-interval:1h}", initialDelay = 60_000)
    @SchedulerLock(name = "telegram-housekeeping")
    public void forget() {
        Instant now = clock.instant();
        int removed = links.forget(now.minus(UPDATES_KEPT), now.minus(REMINDERS_KEPT), now);
        if (removed > 0) {
            log.info("Telegram bookkeeping rows removed: {}", removed);
        }
    }
}
