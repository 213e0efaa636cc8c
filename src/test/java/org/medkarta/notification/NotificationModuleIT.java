package org.medkarta.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

/** The notification module started on its own: it needs nothing from other modules but shared. */
@ApplicationModuleTest(extraIncludes = "shared")
class NotificationModuleIT {

    @Autowired
    Notifications notifications;

    @Autowired
    DevOutbox outbox;

    @Test
    void sentMessagesAreKeptInTheDevOutboxNewestFirst() {
        String phone = Phones.unique();
        notifications.sendSms(phone, "first");
        notifications.sendSms(phone, "second");

        assertThat(Outbox.to(outbox, phone, 2))
                .extracting(OutboundMessage::body)
                .containsExactlyInAnyOrder("first", "second");
        assertThat(outbox.sentTo(phone))
                .allSatisfy(message -> assertThat(message.channel()).isEqualTo(Channel.SMS));
    }
}
