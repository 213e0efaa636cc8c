package org.medkarta.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What a telephony gateway told about one of our calls, in its own time.
 *
 * @param callId our id of the call, which the gateway got with the request
 * @param kind what happened
 * @param at when it happened, as the gateway says
 * @param talked how long the two talked, when the gateway says so with the end (null otherwise)
 */
record PhoneCallEvent(UUID callId, Kind kind, Instant at, Duration talked) {

    enum Kind {
        RINGING,
        ANSWERED,
        COMPLETED,
        BUSY,
        NO_ANSWER,
        FAILED,
        /** An event the platform does not follow (a recording ready, a leg's detail): changes nothing. */
        OTHER
    }
}
