package org.medkarta.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code medkarta.notification.*}: where messages go and how hard the dispatcher tries. */
@ConfigurationProperties("medkarta.notification")
record NotificationProperties(
        @DefaultValue DevOutboxProperties devOutbox,
        @DefaultValue Dispatch dispatch,
        @DefaultValue Sms sms,
        @DefaultValue Mail mail) {

    /**
     * The dev outbox keeps every message instead of sending it; on in the default profile, off in
     * {@code prod}, where its page and API answer 404.
     */
    record DevOutboxProperties(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") int pageSize) {}

    /**
     * How the outbox is worked.
     *
     * @param afterCommit what happens to a message once the caller's transaction commits
     * @param polling whether this node polls the outbox for due messages (retries, and what a crash
     *     left behind)
     * @param pollInterval the pause between two polls
     * @param maxPerPoll how many messages one poll delivers at most, so a backlog never starves
     *     other scheduled jobs
     * @param maxAttempts failed attempts after which a message is given up (FAILED, still visible)
     * @param firstRetryDelay the wait after the first failure; it doubles after each further one
     * @param maxRetryDelay the longest wait between two attempts
     */
    record Dispatch(
            @DefaultValue("BACKGROUND") AfterCommit afterCommit,
            @DefaultValue("true") boolean polling,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("100") int maxPerPoll,
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("30s") Duration firstRetryDelay,
            @DefaultValue("1h") Duration maxRetryDelay) {

        /** The wait before the attempt that follows {@code failures} failed ones: doubling, capped. */
        Duration retryDelayAfter(int failures) {
            Duration delay = firstRetryDelay;
            for (int i = 1; i < failures && delay.compareTo(maxRetryDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
        }
    }

    /** What the node does with a message right after the caller's transaction commits. */
    enum AfterCommit {
        /**
         * Delivers it on the caller's thread before the call returns. Only for a single user: the
         * caller's finished transaction still holds its pooled connection while delivery asks for
         * another, so many parallel requests can empty the pool.
         */
        INLINE,
        /** Hands it to a background thread, so a slow gateway never holds up a request (the default). */
        BACKGROUND,
        /** Leaves it to the poller alone. */
        NONE
    }

    /** SMS: the gateway and the settings of each kind. */
    record Sms(
            @DefaultValue("OUTBOX") SmsGatewayKind gateway,
            @DefaultValue Smpp smpp,
            @DefaultValue Http http) {}

    enum SmsGatewayKind {
        OUTBOX,
        SMPP,
        HTTP,
        NONE
    }

    /**
     * An SMPP 3.4 short message service centre.
     *
     * @param sourceAddress the sender name or number the operator registered for the platform
     */
    record Smpp(
            String host,
            @DefaultValue("2775") int port,
            String systemId,
            String password,
            @DefaultValue("") String systemType,
            @DefaultValue("Medkarta") String sourceAddress,
            @DefaultValue("10s") Duration timeout) {}

    /**
     * An SMS provider's HTTP API. The body template takes {@code {phone}}, {@code {text}} and
     * {@code {key}} (the idempotency key), each escaped as {@code escaping} says.
     *
     * @param idempotencyHeader the header that carries the idempotency key, so a provider that
     *     honours it never sends a retried request twice; blank for none
     */
    record Http(
            String url,
            @DefaultValue("POST") String method,
            Map<String, String> headers,

            @DefaultValue("{\"to\":\"{phone}\",\"text\":\"{text}\"}")
            String bodyTemplate,

            @DefaultValue("JSON") Escaping escaping,
            @DefaultValue("Idempotency-Key") String idempotencyHeader,
            @DefaultValue("10s") Duration timeout) {

        Http {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /** How a placeholder's value is written into the HTTP body template. */
    enum Escaping {
        JSON,
        FORM,
        NONE
    }

    /** E-mail: the gateway and the sender address. */
    record Mail(
            @DefaultValue("OUTBOX") MailGatewayKind gateway,

            @DefaultValue("Медкарта <no-reply@medkarta.org>")
            String from) {}

    enum MailGatewayKind {
        OUTBOX,
        SMTP,
        NONE
    }
}
