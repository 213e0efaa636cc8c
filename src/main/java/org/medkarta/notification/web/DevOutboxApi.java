package org.medkarta.notification.web;

import java.util.List;
import org.medkarta.notification.DevOutbox;
import org.medkarta.notification.OutboundMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dev/outbox?to=}: the messages the app "sent", newest first (dev profile only). */
@RestController
@ConditionalOnBooleanProperty(name = "medkarta.notification.dev-outbox.enabled", matchIfMissing = true)
class DevOutboxApi {

    private final DevOutbox outbox;

    DevOutboxApi(DevOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/v1/dev/outbox")
    List<OutboundMessage> messages(@RequestParam(required = false) String to) {
        return outbox.sentTo(to);
    }
}
