package org.medkarta.conversation;

import java.time.Clock;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PublicUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the telephony gateway from {@code medkarta.telephony.gateway} (SPEC D6). */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

    @Bean
    Telephony telephony(TelephonyProperties properties, PublicUrl publicUrl, Clock clock) {
        return switch (properties.gateway()) {
            case HTTP -> new HttpTelephony(properties, publicUrl, clock);
            case NONE ->
                new Telephony() {
                    @Override
                    public boolean available() {
                        return false;
                    }

                    @Override
                    public void dial(
                            java.util.UUID callId,
                            org.medkarta.shared.Phone doctor,
                            org.medkarta.shared.Phone patient) {
                        throw TelephonyRefusal.notSetUp();
                    }

                    @Override
                    public PhoneCallEvent event(
                            String provider, byte[] body, java.util.function.Function<String, String> header) {
                        throw new NotFound();
                    }
                };
        };
    }
}
