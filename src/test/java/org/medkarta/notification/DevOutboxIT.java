package org.medkarta.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.medkarta.testing.WebClientSupport;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DevOutboxIT extends WebClientSupport {

    @Autowired
    Notifications notifications;

    @Autowired
    DevOutbox outbox;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void smsSentInTheDefaultProfileIsReadableThroughTheApi() {
        String phone = Phones.unique();
        notifications.sendSms(phone, "Код входа в Медкарту: 123456");
        Outbox.to(outbox, phone, 1);

        var response = get("/api/v1/dev/outbox?to=" + phone.replace("+", "%2B"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode messages = json.readTree(response.body());
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("channel").asString()).isEqualTo("SMS");
        assertThat(messages.get(0).get("to").asString()).isEqualTo(phone);
        assertThat(messages.get(0).get("body").asString()).isEqualTo("Код входа в Медкарту: 123456");
        assertThat(messages.get(0).get("sentAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)");
    }

    @Test
    void aPhoneWithAnUnencodedPlusStillFindsItsMessages() {
        String phone = Phones.unique();
        notifications.sendSms(phone, "first");
        notifications.sendSms(phone, "second");
        Outbox.to(outbox, phone, 2);

        var messages = json.readTree(get("/api/v1/dev/outbox?to=" + phone).body());

        assertThat(messages).hasSize(2);
    }

    @Test
    void emailIsKeptWithItsSubjectAndFoundRegardlessOfCase() {
        String address = "Patient-" + UUID.randomUUID() + "@Example.org";
        notifications.sendEmail(address, "Подтвердите адрес", "Перейдите по ссылке");
        Outbox.to(outbox, address, 1);

        var messages = json.readTree(
                get("/api/v1/dev/outbox?to=" + address.toUpperCase()).body());

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("channel").asString()).isEqualTo("EMAIL");
        assertThat(messages.get(0).get("subject").asString()).isEqualTo("Подтвердите адрес");
    }

    @Test
    void messagesToSomeoneElseAreNotListed() {
        notifications.sendSms(Phones.unique(), "not for you");

        assertThat(json.readTree(get("/api/v1/dev/outbox?to=%2B70000000000").body()))
                .isEmpty();
    }

    @Test
    void outboxPageListsTheMessagesAndItsHtmxRefreshReturnsOnlyTheTable() {
        String phone = Phones.unique();
        notifications.sendSms(phone, "Код для страницы: 654321");
        Outbox.to(outbox, phone, 1);

        var page = get("/dev/outbox?to=" + phone.replace("+", "%2B"));
        var fragment = get("/dev/outbox?to=" + phone.replace("+", "%2B"), "HX-Request", "true");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Исходящие сообщения").contains("Код для страницы: 654321");
        assertThat(fragment.body())
                .contains("Код для страницы: 654321")
                .contains("id=\"messages\"")
                .doesNotContain("<html");
    }
}
