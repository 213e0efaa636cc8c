package org.medkarta.notification;

import java.time.Instant;

/**
 * Where one queued SMS or e-mail stands. A message that failed for good stays here, {@link
 * Status#FAILED} with its last error, so that nothing is dropped without a trace.
 *
 * @param attempts how many times a gateway was tried (the successful attempt included)
 * @param lastError why the last attempt failed, or why no attempt could be made; null if none did
 * @param nextAttemptAt when a pending message is tried again
 * @param sentAt when the gateway accepted it; null until then
 */
public record Delivery(
        Channel channel,
        String to,
        Status status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant sentAt) {

    /** PENDING until a gateway accepts it (SENT) or the attempts run out (FAILED). */
    public enum Status {
        PENDING,
        SENT,
        FAILED
    }
}
