package org.medkarta.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The app with a {@link RecordingGateway} and a {@link TestClock}, where nothing delivers but the
 * test itself (no poller, nothing after commit), so every step of a delivery is under its control.
 * Test classes that share it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "medkarta.notification.dispatch.after-commit=none",
            "medkarta.notification.dispatch.polling=false",
            "medkarta.notification.dispatch.max-attempts=3",
            "medkarta.notification.dispatch.first-retry-delay=30s",
            "medkarta.notification.dispatch.max-retry-delay=10m"
        })
@Import(RecordingGatewayConfiguration.class)
@interface DeliveredByTheTest {}
