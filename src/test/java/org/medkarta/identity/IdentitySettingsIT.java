package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.Phones;
import org.springframework.test.context.TestPropertySource;

/** IdentityFacades settings that need a context of their own: the per-address code limit and the bootstrap administrator. */
@TestPropertySource(
        properties = {
            "medkarta.identity.otp.per-address-per-hour=3",
            "medkarta.identity.bootstrap.admin-email=Root@Platform.example",
            "medkarta.identity.bootstrap.admin-password=Bootstrap-2026"
        })
class IdentitySettingsIT extends ApiSupport {

    @Test
    void thePlatformAdministratorIsCreatedFromTheBootstrapSettings() {
        var tokens = post("/api/v1/auth/login", Map.of("email", "root@platform.example", "password", "Bootstrap-2026"));

        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(body(getAs(body(tokens).get("accessToken").asString(), "/api/v1/me"))
                        .get("roles")
                        .toString())
                .contains("PLATFORM_ADMIN");
    }

    /** Code requests are limited per client address against SMS flooding (20 an hour in prod). */
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
