package org.medkarta.notification;

import java.util.UUID;

/**
 * One queued message as the dispatcher hands it to a gateway. The idempotency key travels with it
 * so that a gateway able to deduplicate (an HTTP provider honouring {@code Idempotency-Key}) never
 * delivers a retried message twice.
 */
record Envelope(
        UUID id, String idempotencyKey, Channel channel, String to, String subject, String body, int attempts) {}
