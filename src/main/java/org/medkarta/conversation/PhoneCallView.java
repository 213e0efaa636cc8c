package org.medkarta.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.UserId;

/**
 * A call to the patient's phone through the telephony gateway (SPEC D6). It carries no phone
 * number: those go to the gateway alone.
 *
 * @param answeredAt when the patient answered and the two were bridged; null until then, and for a
 *     call that never connected
 * @param endedAt when it ended; null while it goes on
 */
public record PhoneCallView(
        UUID id,
        RoomId roomId,
        UserId requestedBy,
        Instant requestedAt,
        PhoneCallStatus status,
        Instant ringingAt,
        Instant answeredAt,
        Instant endedAt) {

    /** Whether it still rings or goes on, so that no second one may be placed in the room. */
    public boolean active() {
        return !status.over();
    }

    /** Whether the two talked: the patient answered. */
    public boolean connected() {
        return answeredAt != null;
    }

    /** How long the two talked, once it is over and connected; null otherwise. */
    public Duration duration() {
        return answeredAt == null || endedAt == null ? null : Duration.between(answeredAt, endedAt);
    }

    /** The call as the consultation's call list shows it, once connected. */
    CallView asCall() {
        return new CallView(id, roomId, CallMode.PHONE, requestedBy, answeredAt, null, endedAt);
    }

    /**
     * The call after one more event from the gateway. Gateways send events twice and out of order,
     * so this is a merge, not a step: a time once known keeps its earliest value, the first outcome
     * (completed, busy, no answer, failed) is final, and a connection reported after the end still
     * counts. Applying an event twice, or a set of events in any order, gives the same call.
     */
    PhoneCallView after(PhoneCallEvent event) {
        Instant at = event.at();
        PhoneCallStatus status = this.status;
        Instant ringing = this.ringingAt;
        Instant answered = this.answeredAt;
        Instant ended = this.endedAt;
        switch (event.kind()) {
            case RINGING -> ringing = earliest(ringing, at);
            case ANSWERED -> answered = earliest(answered, at);
            case OTHER -> {
                return this;
            }
            default -> {
                if (!status.over()) {
                    status = switch (event.kind()) {
                        case BUSY -> PhoneCallStatus.BUSY;
                        case NO_ANSWER -> PhoneCallStatus.NO_ANSWER;
                        case FAILED -> PhoneCallStatus.FAILED;
                        default -> PhoneCallStatus.COMPLETED;
                    };
                    ended = at;
                }
                // The talk time the gateway gives with the end places the answer when its own event
                // is late or lost; a zero talk time means the patient never answered.
                if (event.kind() == PhoneCallEvent.Kind.COMPLETED
                        && event.talked() != null
                        && !event.talked().isZero()
                        && answered == null
                        && ended != null) {
                    answered = ended.minus(event.talked());
                }
            }
        }
        if (!status.over()) {
            status = answered != null
                    ? PhoneCallStatus.CONNECTED
                    : ringing != null ? PhoneCallStatus.RINGING : PhoneCallStatus.REQUESTED;
        }
        if (answered != null && ended != null && answered.isAfter(ended)) {
            // A gateway's clocks disagree by a moment: the call did not end before it began.
            answered = ended;
        }
        return new PhoneCallView(id, roomId, requestedBy, requestedAt, status, ringing, answered, ended);
    }

    private static Instant earliest(Instant known, Instant reported) {
        if (reported == null) {
            return known;
        }
        return known == null || reported.isBefore(known) ? reported : known;
    }
}
