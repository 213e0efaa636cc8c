package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.Phones;
import org.springframework.test.context.TestPropertySource;

/** Code requests are limited per client address against SMS flooding (ARCHITECTURE: 20 an hour in prod). */
@TestPropertySource(properties = "medkarta.identity.otp.per-address-per-hour=3")
class OtpAddressLimitIT extends ApiSupport {

    @Test
    void oneAddressCannotRequestMoreCodesAnHourThanConfigured() {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/v1/auth/otp", Map.of("phone", Phones.unique()))
                            .statusCode())
                    .isEqualTo(202);
        }

        var flood = post("/api/v1/auth/otp", Map.of("phone", Phones.unique()));

        assertThat(flood.statusCode()).isEqualTo(429);
        assertThat(problem(flood)).isEqualTo("too-many-requests");
        clock.advance(java.time.Duration.ofMinutes(61));
        try {
            assertThat(post("/api/v1/auth/otp", Map.of("phone", Phones.unique()))
                            .statusCode())
                    .isEqualTo(202);
        } finally {
            clock.reset();
        }
    }
}
