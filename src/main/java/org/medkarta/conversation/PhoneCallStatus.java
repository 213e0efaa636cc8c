package org.medkarta.conversation;

/**
 * Where a call to the patient's phone stands (SPEC D6). The gateway rings the doctor's phone first,
 * then the patient's, and bridges them when the patient answers.
 */
public enum PhoneCallStatus {
    /** Asked of the gateway; nothing heard back yet. */
    REQUESTED,
    /** A phone rings: the doctor's, or after they answered the patient's. */
    RINGING,
    /** The patient answered and the two are bridged. */
    CONNECTED,
    /** Hung up after, or without, a connection. */
    COMPLETED,
    /** The patient's line was busy. */
    BUSY,
    /** Nobody answered. */
    NO_ANSWER,
    /** The gateway could not place or keep the call. */
    FAILED;

    /** Whether the call is over: nothing later changes its outcome. */
    public boolean over() {
        return this == COMPLETED || this == BUSY || this == NO_ANSWER || this == FAILED;
    }
}
