package org.medkarta.notification;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The test clock plus a {@link RecordingGateway} in place of both channels' gateways. */
@TestConfiguration(proxyBeanMethods = false)
class RecordingGatewayConfiguration {

    @Bean
    @Primary
    RecordingGateway recordingGateway() {
        return new RecordingGateway();
    }
}
