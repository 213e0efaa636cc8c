package org.medkarta.conversation;

import java.util.Map;
import java.util.Set;

/**
 * A WebRTC signalling message one member sends to the others of a room: an {@code offer}, an
 * {@code answer}, an ICE {@code candidate}, a {@code hangup} or a {@code decline}.
 *
 * @param sdp the session description of an offer or answer
 * @param candidate an {@code RTCIceCandidateInit} ({@code candidate}, {@code sdpMid}, {@code
 *     sdpMLineIndex}, {@code usernameFragment})
 * @param mode what the offered call carries; null means video
 * @param restart whether an offer restarts ICE on a call that goes on (reconnecting after a drop)
 */
public record Signal(String type, String sdp, Map<String, Object> candidate, CallMode mode, Boolean restart) {

    /** Whether this offer or answer restarts ICE on a call that goes on. */
    public boolean restarting() {
        return Boolean.TRUE.equals(restart);
    }

    /** The kinds of signal that are relayed; anything else is refused. */
    public static final Set<String> TYPES = Set.of("offer", "answer", "candidate", "hangup", "decline");

    /** Longest session description taken; real ones are a few kilobytes. */
    public static final int MAX_SDP = 32 * 1024;
}
