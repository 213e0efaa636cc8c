package org.medkarta.scheduling;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medkarta.scheduling.*}.
 *
 * @param horizonDays how many days ahead booking opens when the clinic has not set its own
 * @param reminders how long before an appointment each reminder goes
 * @param reminderInterval how often due reminders are looked for
 * @param materialiseCron when the daily job extends every active template to the horizon
 * @param jobs whether this node runs the scheduled jobs (under ShedLock, so one node at a time)
 */
@ConfigurationProperties("medkarta.scheduling")
record SchedulingProperties(
        @DefaultValue("14") int horizonDays,
        @DefaultValue({"24h", "2h"}) List<Duration> reminders,
        @DefaultValue("1m") Duration reminderInterval,
        @DefaultValue("0 10 3 * * *") String materialiseCron,
        @DefaultValue("true") boolean jobs) {}
