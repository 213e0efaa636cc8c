package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Phone;
import org.medkarta.shared.UserId;

/** The HTTP gateway's webhook reading: the signature, the configured fields and event names (SPEC D6). */
class HttpTelephonyTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-10T09:00:00Z"), ZoneOffset.UTC);

    static TelephonyProperties properties(String url, String secret, TelephonyProperties.Webhook webhook) {
        return new TelephonyProperties(
                TelephonyProperties.Gateway.HTTP,
                "https://medkarta.example.ru/api/v1/telephony/webhooks/http",
                Duration.ofMinutes(2),
                Duration.ofHours(4),
                new TelephonyProperties.Http(
                        "http",
                        url,
                        "key",
                        Map.of(),
                        "POST",
                        "application/json",
                        "{}",
                        TelephonyProperties.Escaping.JSON,
                        "Idempotency-Key",
                        Duration.ofSeconds(5),
                        webhook));
    }

    static TelephonyProperties.Webhook webhook(String secret) {
        return new TelephonyProperties.Webhook(
                secret, "X-Signature", "/callId", "/event", "/at", "/duration", Map.of());
    }

    static String hmac(String secret, String body) {
        return HexFormat.of()
                .formatHex(HttpTelephony.hmac(
                        secret.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
    }

    final HttpTelephony telephony =
            new HttpTelephony(properties("http://127.0.0.1:1/call", "s3cret", webhook("s3cret")), null, CLOCK);

    @Test
    void onlyTheHmacOfTheExactBodyUnderTheSecretHoldsWithOrWithoutItsPrefixInAnyCase() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String good = hmac("s3cret", "{\"a\":1}");

        assertThat(telephony.signed(body, good)).isTrue();
        assertThat(telephony.signed(body, "sha256=" + good.toUpperCase())).isTrue();
        assertThat(telephony.signed(body, hmac("other", "{\"a\":1}"))).isFalse();
        assertThat(telephony.signed("{\"a\":2}".getBytes(StandardCharsets.UTF_8), good))
                .isFalse();
        assertThat(telephony.signed(body, good.substring(2))).isFalse();
        assertThat(telephony.signed(body, "zz")).isFalse();
        assertThat(telephony.signed(body, null)).isFalse();
        assertThat(telephony.signed(body, "")).isFalse();
    }

    @Test
    void aProvidersOwnFieldsAndEventNamesAreReadThroughConfiguration() {
        var own = new TelephonyProperties.Webhook(
                "s3cret",
                "X-Hub-Signature",
                "/data/external_id",
                "/data/state",
                "/data/time",
                "/data/billsec",
                Map.of("CALL_BRIDGED", "answered", "CALL_END", "completed", "OPERATOR_ANSWERED", "ringing"));
        var provider = new HttpTelephony(properties("http://127.0.0.1:1/call", "s3cret", own), null, CLOCK);
        UUID id = UUID.randomUUID();
        String body = "{\"data\":{\"external_id\":\"" + id
                + "\",\"state\":\"CALL_END\",\"time\":1796893200,\"billsec\":\"42\"}}";

        var event = provider.event(
                "http",
                body.getBytes(StandardCharsets.UTF_8),
                header -> header.equals("X-Hub-Signature") ? hmac("s3cret", body) : null);

        assertThat(event)
                .isEqualTo(new PhoneCallEvent(
                        id, PhoneCallEvent.Kind.COMPLETED, Instant.ofEpochSecond(1796893200L), Duration.ofSeconds(42)));
    }

    @Test
    void anEventWithoutATimeHappenedWhenItArrived() {
        UUID id = UUID.randomUUID();
        String body = "{\"callId\":\"" + id + "\",\"event\":\"Ringing\"}";

        var event = telephony.event("http", body.getBytes(StandardCharsets.UTF_8), header -> hmac("s3cret", body));

        assertThat(event).isEqualTo(new PhoneCallEvent(id, PhoneCallEvent.Kind.RINGING, CLOCK.instant(), null));
    }

    @Test
    void theSignatureIsCheckedBeforeTheBodyIsReadAndAnotherGatewaysPathIsNotFound() {
        assertThatThrownBy(() -> telephony.event("http", "not json".getBytes(StandardCharsets.UTF_8), header -> null))
                .isInstanceOf(TelephonyRefusal.class)
                .hasMessage("webhook-signature-invalid");
        assertThatThrownBy(() -> telephony.event(
                        "http", "not json".getBytes(StandardCharsets.UTF_8), header -> hmac("s3cret", "not json")))
                .isInstanceOf(MalformedWebhook.class);
        assertThatThrownBy(() -> telephony.event("sip", new byte[0], header -> null))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void theHttpGatewayDoesNotStartWithoutItsAddressOrItsWebhookSecret() {
        assertThatThrownBy(() -> new HttpTelephony(properties(" ", "s3cret", webhook("s3cret")), null, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("medkarta.telephony.http.url");
        assertThatThrownBy(() -> new HttpTelephony(properties("http://gw", null, webhook(null)), null, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("medkarta.telephony.http.webhook.secret");
    }

    @Test
    void withoutAGatewayNoCallIsPlacedAndTheRefusalSaysPhoneCallsAreNotSetUp() {
        var none = new TelephonyConfiguration()
                .telephony(
                        new TelephonyProperties(
                                TelephonyProperties.Gateway.NONE,
                                null,
                                Duration.ofMinutes(2),
                                Duration.ofHours(4),
                                properties("", "", webhook("")).http()),
                        null,
                        CLOCK);
        var phoneCalls = new PhoneCalls(none, null, null, null, null, null, CLOCK);

        assertThat(phoneCalls.available()).isFalse();
        assertThatThrownBy(() -> phoneCalls.place(
                        new RoomId(UUID.randomUUID()),
                        new UserId(UUID.randomUUID()),
                        new Phone("+79160000001"),
                        new Phone("+79160000002")))
                .isInstanceOf(TelephonyRefusal.class)
                .hasMessage("phone-calls-not-set-up");
        assertThatThrownBy(() -> none.event("http", new byte[0], header -> null))
                .isInstanceOf(NotFound.class);
    }
}
