package org.medkarta.payment;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The module's jobs, each on one node at a time under ShedLock (the lock provider is scheduling's):
 * lapsing unpaid holds, and reconciling payments whose notification never came. Even two nodes
 * running one at once change each payment once, as every change is a conditional update.
 */
@Component
@ConditionalOnProperty(name = "medkarta.payment.jobs", havingValue = "true", matchIfMissing = true)
class PaymentJobs {

    private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

    private final Settlement settlement;

    PaymentJobs(Settlement settlement) {
        this.settlement = settlement;
    }

    @Scheduled(
            fixedDelayString = "${medkarta.payment.lapse-interval:30s}",
            initialDelayString = "${medkarta.payment.lapse-interval:30s}")
    @SchedulerLock(name = "payment-lapse")
    public void lapse() {
        int released = settlement.lapse();
        if (released > 0) {
            log.info("Unpaid holds lapsed, slots given back: {}", released);
        }
    }

    @Scheduled(
            fixedDelayString = "${medkarta.payment.reconcile-interval:1m}",
            initialDelayString = "${medkarta.payment.reconcile-interval:1m}")
    @SchedulerLock(name = "payment-reconcile")
    public void reconcile() {
        int checked = settlement.reconcile();
        if (checked > 0) {
            log.info("Payments reconciled with the provider: {}", checked);
        }
    }
}
