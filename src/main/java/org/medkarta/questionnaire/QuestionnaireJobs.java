package org.medkarta.questionnaire;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The reminders of unfilled questionnaires, run by one node at a time under ShedLock (the lock
 * provider and scheduling are switched on by the scheduling module's jobs).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "medkarta.scheduling.jobs", havingValue = "true", matchIfMissing = true)
class QuestionnaireJobs {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireJobs.class);

    private final Sending sending;

    QuestionnaireJobs(Sending sending) {
        this.sending = sending;
    }

    @Scheduled(
            fixedDelayString = "${medkarta.scheduling.reminder-interval:1m}",
            initialDelayString = "${medkarta.scheduling.reminder-interval:1m}")
    @SchedulerLock(name = "questionnaire-reminders")
    public void remind() {
        int sent = sending.sendDueReminders();
        if (sent > 0) {
            log.info("Questionnaire reminders sent: {}", sent);
        }
    }
}
