package org.medkarta.dashboard;

import java.time.Clock;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.consultation.ConsultationFigures;
import org.medkarta.scheduling.ScheduleLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboards' daily roll-ups (SPEC J3, issue 19): every hour (and soon after a start), for
 * every clinic, the load and the requests of its settled days ({@link org.medkarta.shared.SettledDays}:
 * a week and more before today in the clinic's zone) are rolled up by day and doctor, the last
 * {@value org.medkarta.shared.SettledDays#RECHECK_DAYS} settled days recomputed. One node at a time,
 * under ShedLock (the lock provider and scheduling are switched on by the scheduling module's jobs).
 * A dashboard never depends on it having run: a day not rolled up is counted from the rows.
 */
@Component
@ConditionalOnProperty(name = "medkarta.scheduling.jobs", havingValue = "true", matchIfMissing = true)
class DashboardRollups {

    private static final Logger log = LoggerFactory.getLogger(DashboardRollups.class);

    private final ClinicCatalogue clinics;
    private final ScheduleLoad load;
    private final ConsultationFigures consultations;
    private final Clock clock;

    DashboardRollups(ClinicCatalogue clinics, ScheduleLoad load, ConsultationFigures consultations, Clock clock) {
        this.clinics = clinics;
        this.load = load;
        this.consultations = consultations;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${medkarta.dashboard.rollup-interval:1h}",
            initialDelayString = "${medkarta.dashboard.rollup-initial-delay:2m}")
    @SchedulerLock(name = "dashboard-rollups", lockAtMostFor = "PT30M")
    public void rollUpAll() {
        long started = System.nanoTime();
        int rows = 0;
        int done = 0;
        for (var clinic : clinics.catalogue(null)) {
            try {
                var zone = ZoneId.of(clinic.timezone());
                var now = clock.instant();
                rows += load.rollUp(clinic.id(), zone, now);
                rows += consultations.rollUp(clinic.id(), zone, now);
                done++;
            } catch (RuntimeException e) {
                // One clinic's failure leaves its days to be counted from the rows; the others go on.
                log.warn(
                        "Dashboard roll-up of clinic {} failed: {}", clinic.id().value(), e.toString());
            }
        }
        log.info(
                "Dashboard roll-ups: {} clinics, {} rows, {} ms",
                done,
                rows,
                (System.nanoTime() - started) / 1_000_000);
    }
}
