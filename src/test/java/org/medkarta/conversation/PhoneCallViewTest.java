package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.UserId;

/** A gateway's events merge into a phone call whatever their order and however often they come (SPEC D6). */
class PhoneCallViewTest {

    static final Instant T0 = Instant.parse("2026-12-10T09:00:00Z");
    static final UUID ID = UUID.randomUUID();

    static PhoneCallView requested() {
        return new PhoneCallView(
                ID,
                new RoomId(UUID.randomUUID()),
                new UserId(UUID.randomUUID()),
                T0,
                PhoneCallStatus.REQUESTED,
                null,
                null,
                null);
    }

    static PhoneCallEvent event(PhoneCallEvent.Kind kind, long second, Long talked) {
        return new PhoneCallEvent(ID, kind, T0.plusSeconds(second), talked == null ? null : Duration.ofSeconds(talked));
    }

    static PhoneCallView applied(PhoneCallView call, List<PhoneCallEvent> events) {
        for (var event : events) {
            call = call.after(event);
        }
        return call;
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        var all = new ArrayList<List<T>>();
        for (int i = 0; i < items.size(); i++) {
            var rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (var tail : permutations(rest)) {
                var one = new ArrayList<T>();
                one.add(first);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }

    @Test
    void everyOrderOfAConnectedCallsEventsWithDuplicatesGivesTheSameCompletedCall() {
        var events = List.of(
                event(PhoneCallEvent.Kind.RINGING, 2, null),
                event(PhoneCallEvent.Kind.ANSWERED, 10, null),
                event(PhoneCallEvent.Kind.ANSWERED, 10, null),
                event(PhoneCallEvent.Kind.COMPLETED, 70, 60L),
                event(PhoneCallEvent.Kind.COMPLETED, 70, 60L));
        var orders = permutations(events);
        assertThat(orders).hasSize(120);

        for (var order : orders) {
            var call = applied(requested(), order);
            assertThat(call.status()).as(order.toString()).isEqualTo(PhoneCallStatus.COMPLETED);
            assertThat(call.ringingAt()).isEqualTo(T0.plusSeconds(2));
            assertThat(call.answeredAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(call.endedAt()).isEqualTo(T0.plusSeconds(70));
            assertThat(call.duration()).isEqualTo(Duration.ofSeconds(60));
            assertThat(call.active()).isFalse();
        }
    }

    @Test
    void everyOrderOfAnUnansweredCallsEventsGivesTheSameOutcomeWithNoTalk() {
        var events = List.of(
                event(PhoneCallEvent.Kind.RINGING, 2, null),
                event(PhoneCallEvent.Kind.RINGING, 3, null),
                event(PhoneCallEvent.Kind.NO_ANSWER, 40, null),
                event(PhoneCallEvent.Kind.NO_ANSWER, 40, null));
        for (var order : permutations(events)) {
            var call = applied(requested(), order);
            assertThat(call.status()).isEqualTo(PhoneCallStatus.NO_ANSWER);
            assertThat(call.ringingAt()).isEqualTo(T0.plusSeconds(2));
            assertThat(call.connected()).isFalse();
            assertThat(call.duration()).isNull();
        }
    }

    @Test
    void aDuplicateChangesNothingAndAnEventNotFollowedIsIgnored() {
        var connected = requested().after(event(PhoneCallEvent.Kind.ANSWERED, 5, null));

        assertThat(connected.status()).isEqualTo(PhoneCallStatus.CONNECTED);
        assertThat(connected.after(event(PhoneCallEvent.Kind.ANSWERED, 5, null)))
                .isEqualTo(connected);
        assertThat(connected.after(event(PhoneCallEvent.Kind.OTHER, 7, null))).isEqualTo(connected);
        assertThat(connected.active()).isTrue();
        assertThat(connected.asCall().mode()).isEqualTo(CallMode.PHONE);
        assertThat(connected.asCall().active()).isTrue();
    }

    @Test
    void theFirstOutcomeStandsAndAZeroTalkTimeIsNoAnswer() {
        var busy = requested()
                .after(event(PhoneCallEvent.Kind.BUSY, 4, null))
                .after(event(PhoneCallEvent.Kind.COMPLETED, 5, 0L))
                .after(event(PhoneCallEvent.Kind.FAILED, 6, null));
        assertThat(busy.status()).isEqualTo(PhoneCallStatus.BUSY);
        assertThat(busy.endedAt()).isEqualTo(T0.plusSeconds(4));

        var silent = requested().after(event(PhoneCallEvent.Kind.COMPLETED, 30, 0L));
        assertThat(silent.status()).isEqualTo(PhoneCallStatus.COMPLETED);
        assertThat(silent.connected()).isFalse();
    }

    @Test
    void anAnswerReportedAfterTheEndByAGatewayWhoseClocksDisagreeNeverGivesANegativeDuration() {
        var call = requested()
                .after(event(PhoneCallEvent.Kind.COMPLETED, 30, null))
                .after(event(PhoneCallEvent.Kind.ANSWERED, 31, null));
        assertThat(call.duration()).isEqualTo(Duration.ZERO);
    }
}
