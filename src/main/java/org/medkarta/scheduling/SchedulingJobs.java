package org.medkarta.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The module's scheduled jobs, each run by one node at a time under ShedLock: the daily extension
 * of every active template to the booking horizon (also once at start, so a node started after a
 * pause has slots at once) and the reminders.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@ConditionalOnProperty(name = "medkarta.scheduling.jobs", havingValue = "true", matchIfMissing = true)
class SchedulingJobs {

    private static final Logger log = LoggerFactory.getLogger(SchedulingJobs.class);

    private final DoctorSchedules doctorSchedules;
    private final Booking booking;
    private final AppointmentReminders appointmentReminders;

    SchedulingJobs(DoctorSchedules doctorSchedules, Booking booking, AppointmentReminders appointmentReminders) {
        this.doctorSchedules = doctorSchedules;
        this.booking = booking;
        this.appointmentReminders = appointmentReminders;
    }

    @Bean
    static LockProvider schedulingLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = "scheduling-materialise")
    public void materialiseAtStart() {
        materialise();
    }

    @Scheduled(cron = "${medkarta.scheduling.materialise-cron:0 10 3 * * *}")
    @SchedulerLock(name = "scheduling-materialise")
    public void materialise() {
        int added = doctorSchedules.materialiseAll();
        log.info("Schedule templates extended to the booking horizon: {} slots added", added);
    }

    /** Follows up bookings whose follow-up a crash or a failure left owed (issue 18). */
    @Scheduled(
            fixedDelayString = "${medkarta.scheduling.follow-up-interval:30s}",
            initialDelayString = "${medkarta.scheduling.follow-up-interval:30s}")
    @SchedulerLock(name = "scheduling-follow-up")
    public void followUp() {
        int done = booking.followUpOverdue();
        if (done > 0) {
            log.warn("Bookings followed up after their request: {}", done);
        }
    }

    @Scheduled(
            fixedDelayString = "${medkarta.scheduling.reminder-interval:1m}",
            initialDelayString = "${medkarta.scheduling.reminder-interval:1m}")
    @SchedulerLock(name = "scheduling-reminders")
    public void remind() {
        int sent = appointmentReminders.sendDueReminders();
        if (sent > 0) {
            log.info("Appointment reminders sent: {}", sent);
        }
    }
}
