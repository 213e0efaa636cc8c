package org.medkarta.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls the outbox on every node: retries come due here, and so do messages whose node died
 * between commit and delivery. No ShedLock is needed: each message is claimed with {@code SELECT …
 * FOR UPDATE SKIP LOCKED}, so nodes share the work instead of queueing for one lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeliverySchedule implements SchedulingConfigurer {

    private final Dispatcher dispatcher;
    private final NotificationProperties.Dispatch settings;

    DeliverySchedule(Dispatcher dispatcher, NotificationProperties properties) {
        this.dispatcher = dispatcher;
        this.settings = properties.dispatch();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (settings.polling()) {
            tasks.addFixedDelayTask(dispatcher::deliverDue, settings.pollInterval());
        }
    }
}
