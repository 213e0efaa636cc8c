package org.medkarta.conversation;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medkarta.telephony.*}: the gateway that places calls to patients' phones (SPEC D6).
 *
 * @param gateway {@code none} (the default: the button is hidden and the API answers 503 {@code
 *     phone-calls-not-set-up}) or {@code http}
 * @param callbackUrl where the gateway sends the call's events; by default {@code
 *     medkarta.public-url} followed by {@code /api/v1/telephony/webhooks/<provider>}
 * @param ringTimeout how long a call nobody has heard back about keeps a second one from being
 *     placed (a gateway's lost events must not lock the button forever)
 * @param longestCall how long a connected call whose end was never reported counts as going on
 * @param http the HTTP click-to-call gateway
 */
@ConfigurationProperties("medkarta.telephony")
record TelephonyProperties(
        @DefaultValue("NONE") Gateway gateway,
        String callbackUrl,
        @DefaultValue("2m") Duration ringTimeout,
        @DefaultValue("4h") Duration longestCall,
        @DefaultValue Http http) {

    enum Gateway {
        NONE,
        HTTP
    }

    /**
     * A click-to-call API over HTTP: a request asks the gateway to ring the doctor's phone and then
     * the patient's and to bridge them; the gateway reports the call's progress to {@code
     * callbackUrl} in webhooks signed with HMAC-SHA256 of the raw body under {@code
     * webhook.secret}.
     *
     * @param provider the name of the gateway in the webhook path
     * @param url where the call is requested
     * @param apiKey sent as {@code Authorization: Bearer <apiKey>} when set
     * @param headers further headers of the request (another scheme of credentials included)
     * @param bodyTemplate the request body; {@code {callId}} (ours, also the idempotency key), {@code
     *     {from}} (the doctor's phone, rung first), {@code {to}} (the patient's) and {@code
     *     {callbackUrl}} are replaced, each escaped as {@code escaping} says
     * @param idempotencyHeader the header that carries our call id, so that a retried request places
     *     one call; blank for none
     */
    record Http(
            @DefaultValue("http") String provider,
            String url,
            String apiKey,
            Map<String, String> headers,
            @DefaultValue("POST") String method,
            @DefaultValue("application/json; charset=utf-8") String contentType,

            @DefaultValue(
                    "{\"callId\":\"{callId}\",\"from\":\"{from}\",\"to\":\"{to}\",\"callbackUrl\":\"{callbackUrl}\"}")
            String bodyTemplate,

            @DefaultValue("JSON") Escaping escaping,
            @DefaultValue("Idempotency-Key") String idempotencyHeader,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue Webhook webhook) {

        Http {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * The gateway's events: a JSON body whose fields the pointers name, signed in {@code
     * signatureHeader} as the lower-case hex HMAC-SHA256 of the raw body (a {@code sha256=} prefix
     * is accepted).
     *
     * @param secret the shared secret; required with the HTTP gateway
     * @param callId JSON pointer to our call id
     * @param event JSON pointer to the event's name
     * @param at JSON pointer to when it happened (ISO-8601, or seconds since the epoch); the time it
     *     arrived when absent
     * @param duration JSON pointer to the talk time in seconds, given with the end
     * @param events the gateway's event names mapped to {@code RINGING}, {@code ANSWERED}, {@code
     *     COMPLETED}, {@code BUSY}, {@code NO_ANSWER} or {@code FAILED}, over the defaults ({@code
     *     ringing}, {@code answered}, {@code bridged}, {@code completed}, {@code busy}, {@code
     *     no-answer}, {@code failed}, {@code canceled}); other names are acknowledged and ignored
     */
    record Webhook(
            String secret,
            @DefaultValue("X-Signature") String signatureHeader,
            @DefaultValue("/callId") String callId,
            @DefaultValue("/event") String event,
            @DefaultValue("/at") String at,
            @DefaultValue("/duration") String duration,
            Map<String, String> events) {

        Webhook {
            events = events == null ? Map.of() : Map.copyOf(events);
        }
    }

    /** How a placeholder's value is written into the body template. */
    enum Escaping {
        JSON,
        FORM
    }
}
