package org.medkarta.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code medkarta.notification.*}: where messages go. */
@ConfigurationProperties("medkarta.notification")
record NotificationProperties(@DefaultValue DevOutboxProperties devOutbox) {

    /**
     * The dev outbox keeps every message instead of sending it; on in the default profile, off in
     * {@code prod}, where its page and API answer 404.
     */
    record DevOutboxProperties(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") int pageSize) {}
}
