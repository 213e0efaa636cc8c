package org.medkarta.testing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Found by component scanning in every {@code @SpringBootTest} context (it lives under {@code
 * org.medkarta} on the test class path), so every test application runs on the movable clock.
 */
@Configuration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
