package org.medkarta.payment;

import java.time.Clock;
import org.medkarta.shared.PublicUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Picks the payment provider from {@code medkarta.payment.provider} (SPEC B8). */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    Payments payments(PaymentProperties properties, JdbcClient jdbc, PublicUrl publicUrl, Clock clock) {
        return switch (properties.provider()) {
            case YOOKASSA -> new YooKassa(properties.yookassa());
            case TEST -> new TestGateway(jdbc, publicUrl, clock);
        };
    }
}
