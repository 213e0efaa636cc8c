package org.medkarta.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

class PublicUrlTest {

    @Test
    void productionDoesNotStartWithoutThePublicUrlAndSaysWhichSettingIsMissing() {
        new ApplicationContextRunner()
                .withBean(PublicUrl.class)
                .withPropertyValues("spring.profiles.active=prod")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("medkarta.public-url")
                        .hasMessageContaining("MEDKARTA_PUBLIC_URL"));
        new ApplicationContextRunner()
                .withBean(PublicUrl.class)
                .withPropertyValues("spring.profiles.active=prod", "medkarta.public-url=https://medkarta.example.ru/")
                .run(context -> assertThat(context.getBean(PublicUrl.class).of("/appointments"))
                        .isEqualTo("https://medkarta.example.ru/appointments"));
    }

    @Test
    void withoutTheSettingLinksPointToThePortTheServerListensOn() {
        var url = new PublicUrl(new MockEnvironment().withProperty("server.port", "9090"));
        assertThat(url.base()).isEqualTo("http://localhost:9090");
        assertThat(new PublicUrl(new MockEnvironment()).base()).isEqualTo("http://localhost:8080");
    }

    @Test
    void anAddressThatIsNotAbsoluteHttpIsRefusedAtStart() {
        assertThatThrownBy(
                        () -> new PublicUrl(new MockEnvironment().withProperty("medkarta.public-url", "medkarta.ru")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("medkarta.public-url");
        assertThatThrownBy(() ->
                        new PublicUrl(new MockEnvironment().withProperty("medkarta.public-url", "ftp://medkarta.ru")))
                .isInstanceOf(IllegalStateException.class);
    }
}
