package org.medkarta.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole audit chain on a schedule ({@code medkarta.audit.verify-cron}, by default every
 * night at 04:30), so that the gauge {@code medkarta.audit.chain.broken} that the alert watches is
 * never older than a day; an administrator's check on {@code /audit} updates it too.
 */
@Component
class ChainCheck {

    private static final Logger log = LoggerFactory.getLogger(ChainCheck.class);

    private final AuditTrail trail;

    ChainCheck(AuditTrail trail) {
        this.trail = trail;
    }

    @Scheduled(cron = "${medkarta.audit.verify-cron:0 30 4 * * *}")
    void verify() {
        var verification = trail.verify();
        if (verification.intact()) {
            log.info("Audit chain intact: {} entries checked", verification.checked());
        } else {
            log.error("Audit chain broken at entry {}", verification.firstBroken());
        }
    }
}
