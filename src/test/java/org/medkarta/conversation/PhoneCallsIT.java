package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkarta.shared.Phone;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TelephonyStandIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Calls to the patient's phone (SPEC D6) against the stand-in gateway, a real HTTP server that
 * takes the click-to-call request and sends signed webhooks back, twice and out of order as
 * gateways do. A connected call joins the room's calls with mode PHONE, announced once.
 */
@ExtendWith(OutputCaptureExtension.class)
class PhoneCallsIT extends ConversationSupport {

    @Autowired
    PhoneCalls phoneCalls;

    @Autowired
    CallEventsForTests callEvents;

    record Placed(RoomId room, Person doctor, PhoneCallView call, TelephonyStandIn.Dialled dialled) {}

    private Placed placed(Phone doctorPhone, Phone patientPhone) {
        var patient = person("Анна");
        var doctor = person("Борис");
        var room = room(patient, doctor);
        var call = phoneCalls.place(room, doctor.id(), doctorPhone, patientPhone);
        var dialled = TelephonyStandIn.dialled(call.id()).orElseThrow();
        return new Placed(room, doctor, call, dialled);
    }

    private Placed placed() {
        return placed(new Phone(Phones.unique()), new Phone(Phones.unique()));
    }

    @Test
    void theGatewayIsAskedToRingTheDoctorThenThePatientWithItsKeyOurCallIdAndTheCallback() {
        var doctorPhone = new Phone(Phones.unique());
        var patientPhone = new Phone(Phones.unique());
        int refusedBefore = TelephonyStandIn.unauthorised();

        var placed = placed(doctorPhone, patientPhone);

        assertThat(placed.call().status()).isEqualTo(PhoneCallStatus.REQUESTED);
        assertThat(placed.dialled().from()).isEqualTo(doctorPhone.e164());
        assertThat(placed.dialled().to()).isEqualTo(patientPhone.e164());
        assertThat(placed.dialled().idempotencyKey())
                .isEqualTo(placed.call().id().toString());
        assertThat(placed.dialled().callbackUrl())
                .isEqualTo("http://localhost:" + port + "/api/v1/telephony/webhooks/http");
        assertThat(TelephonyStandIn.unauthorised()).isEqualTo(refusedBefore);
        // Nothing the room's members read names a number.
        assertThat(placed.call().toString()).doesNotContain(doctorPhone.e164()).doesNotContain(patientPhone.e164());
    }

    @Test
    void ringingAnsweredAndCompletedRecordAPhoneCallWithItsDurationAnnouncedOnce() {
        var placed = placed();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        assertThat(status(TelephonyStandIn.report(placed.dialled(), "ringing", at.plusSeconds(1), null)))
                .isEqualTo("RINGING");
        assertThat(status(TelephonyStandIn.report(placed.dialled(), "answered", at.plusSeconds(9), null)))
                .isEqualTo("CONNECTED");
        assertThat(conversationCalls.calls(placed.room())).singleElement().satisfies(call -> {
            assertThat(call.mode()).isEqualTo(CallMode.PHONE);
            assertThat(call.active()).isTrue();
        });
        assertThat(status(TelephonyStandIn.report(placed.dialled(), "completed", at.plusSeconds(194), 185)))
                .isEqualTo("COMPLETED");

        assertThat(conversationCalls.calls(placed.room())).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo(placed.call().id());
            assertThat(call.mode()).isEqualTo(CallMode.PHONE);
            assertThat(call.startedBy()).isEqualTo(placed.doctor().id());
            assertThat(call.startedAt()).isEqualTo(at.plusSeconds(9));
            assertThat(call.endedAt()).isEqualTo(at.plusSeconds(194));
            assertThat(call.duration()).isEqualTo(Duration.ofSeconds(185));
        });
        assertThat(callEvents.startedIn(placed.room()))
                .containsExactly(new CallStarted(
                        placed.room(),
                        placed.call().id(),
                        CallMode.PHONE,
                        placed.doctor().id(),
                        at.plusSeconds(9)));
        assertThat(callEvents.of(placed.room()))
                .containsExactly(new CallEnded(
                        placed.room(),
                        placed.call().id(),
                        CallMode.PHONE,
                        at.plusSeconds(9),
                        at.plusSeconds(194),
                        Duration.ofSeconds(185),
                        null));
        var listed = getAs(
                placed.doctor().token(),
                "/api/v1/consultations/" + placed.room().value() + "/calls");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(body(listed).get(0).get("mode").asString()).isEqualTo("PHONE");
        assertThat(body(listed).get(0).get("durationSeconds").asLong()).isEqualTo(185);
        assertThat(listed.body())
                .doesNotContain(placed.dialled().to())
                .doesNotContain(placed.dialled().from());
    }

    @Test
    void aCompletionBeforeTheAnswerAndDuplicatesEndUpAsOneCompletedCallOfTheRightDuration() {
        var placed = placed();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        TelephonyStandIn.report(placed.dialled(), "completed", at.plusSeconds(70), null);
        TelephonyStandIn.report(placed.dialled(), "completed", at.plusSeconds(70), null);
        assertThat(conversationCalls.calls(placed.room())).isEmpty();
        assertThat(phoneCalls.call(placed.call().id()).orElseThrow().status()).isEqualTo(PhoneCallStatus.COMPLETED);
        TelephonyStandIn.report(placed.dialled(), "answered", at.plusSeconds(10), null);
        TelephonyStandIn.report(placed.dialled(), "ringing", at.plusSeconds(2), null);
        TelephonyStandIn.report(placed.dialled(), "answered", at.plusSeconds(10), null);

        var call = phoneCalls.call(placed.call().id()).orElseThrow();
        assertThat(call.status()).isEqualTo(PhoneCallStatus.COMPLETED);
        assertThat(call.ringingAt()).isEqualTo(at.plusSeconds(2));
        assertThat(call.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(conversationCalls.calls(placed.room()))
                .singleElement()
                .satisfies(listed -> assertThat(listed.duration()).isEqualTo(Duration.ofSeconds(60)));
        assertThat(callEvents.startedIn(placed.room())).hasSize(1);
        assertThat(callEvents.of(placed.room()))
                .singleElement()
                .satisfies(ended -> assertThat(ended.duration()).isEqualTo(Duration.ofSeconds(60)));
    }

    @Test
    void theTalkTimeGivenWithTheEndPlacesALostAnswer() {
        var placed = placed();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        TelephonyStandIn.report(placed.dialled(), "completed", at.plusSeconds(300), 240);

        assertThat(conversationCalls.calls(placed.room())).singleElement().satisfies(call -> {
            assertThat(call.startedAt()).isEqualTo(at.plusSeconds(60));
            assertThat(call.duration()).isEqualTo(Duration.ofMinutes(4));
        });
    }

    @Test
    void aBusyLineIsNoCallInTheListAndTheNextCallMayBePlaced() {
        var placed = placed();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        assertThat(status(TelephonyStandIn.report(placed.dialled(), "busy", at.plusSeconds(5), null)))
                .isEqualTo("BUSY");
        // Completed with no talk after busy: the first outcome stands.
        assertThat(status(TelephonyStandIn.report(placed.dialled(), "completed", at.plusSeconds(6), 0)))
                .isEqualTo("BUSY");

        assertThat(conversationCalls.calls(placed.room())).isEmpty();
        assertThat(callEvents.startedIn(placed.room())).isEmpty();
        var again = phoneCalls.place(
                placed.room(), placed.doctor().id(), new Phone(Phones.unique()), new Phone(Phones.unique()));
        assertThat(again.id()).isNotEqualTo(placed.call().id());
        assertThat(phoneCalls.latest(placed.room())).contains(again);
    }

    @Test
    void aSecondCallWhileOneRingsIsRefusedUntilTheRingingIsOverOrTimedOut() {
        var placed = placed();
        var doctorPhone = new Phone(Phones.unique());
        var patientPhone = new Phone(Phones.unique());

        assertThatThrownBy(() -> phoneCalls.place(placed.room(), placed.doctor().id(), doctorPhone, patientPhone))
                .isInstanceOf(TelephonyRefusal.class)
                .hasMessage("call-in-progress");
        TelephonyStandIn.report(placed.dialled(), "answered", clock.instant(), null);
        clock.advance(Duration.ofMinutes(30));
        assertThatThrownBy(() -> phoneCalls.place(placed.room(), placed.doctor().id(), doctorPhone, patientPhone))
                .isInstanceOf(TelephonyRefusal.class)
                .hasMessage("call-in-progress");

        // A call whose ringing the gateway never reported on keeps nobody waiting for good.
        var other = placed();
        clock.advance(Duration.ofMinutes(3));
        var next = phoneCalls.place(other.room(), other.doctor().id(), doctorPhone, patientPhone);
        assertThat(next.status()).isEqualTo(PhoneCallStatus.REQUESTED);
    }

    @Test
    void aCallBetweenBrowsersAlsoKeepsAPhoneCallFromBeingPlaced() {
        var patient = person("Анна");
        var doctor = person("Борис");
        var room = room(patient, doctor);
        conversationCalls.startCall(room, doctor.id(), CallMode.VIDEO);

        assertThatThrownBy(() ->
                        phoneCalls.place(room, doctor.id(), new Phone(Phones.unique()), new Phone(Phones.unique())))
                .isInstanceOf(TelephonyRefusal.class)
                .hasMessage("call-in-progress");
        conversationCalls.endCall(room, doctor.id());
        conversationRooms.close(room);
        assertThatThrownBy(() ->
                        phoneCalls.place(room, doctor.id(), new Phone(Phones.unique()), new Phone(Phones.unique())))
                .isInstanceOf(ConversationRefusal.class)
                .hasMessage("room-closed");
    }

    @Test
    void aGatewayThatRefusesLeavesAFailedCallAndSaysSoWithoutLoggingTheNumbers(CapturedOutput output) {
        var patient = person("Анна");
        var doctor = person("Борис");
        var room = room(patient, doctor);
        TelephonyStandIn.refuseNext(1);
        var doctorPhone = new Phone(Phones.unique());
        var patientPhone = new Phone(Phones.unique());

        assertThatThrownBy(() -> phoneCalls.place(room, doctor.id(), doctorPhone, patientPhone))
                .isInstanceOf(TelephonyRefusal.class)
                .hasMessage("telephony-unavailable");
        assertThat(output.getAll()).contains("was not placed: the telephony gateway answered 503");
        assertThat(output.getAll())
                .doesNotContain(doctorPhone.e164())
                .doesNotContain(patientPhone.e164())
                .doesNotContain(doctorPhone.e164().substring(1))
                .doesNotContain(patientPhone.e164().substring(1));

        assertThat(phoneCalls.latest(room)).hasValueSatisfying(call -> {
            assertThat(call.status()).isEqualTo(PhoneCallStatus.FAILED);
            assertThat(call.active()).isFalse();
        });
        assertThat(phoneCalls
                        .place(room, doctor.id(), new Phone(Phones.unique()), new Phone(Phones.unique()))
                        .status())
                .isEqualTo(PhoneCallStatus.REQUESTED);
    }

    @Test
    void webhooksWithoutAValidSignatureOrWithBadBodiesAreRefusedWithProblemsAndChangeNothing() {
        var placed = placed();
        String url = placed.dialled().callbackUrl();
        String good =
                "{\"callId\":\"" + placed.call().id() + "\",\"event\":\"answered\",\"at\":\"" + clock.instant() + "\"}";

        var unsigned = TelephonyStandIn.deliver(url, good, null);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(problem(unsigned)).isEqualTo("webhook-signature-invalid");
        var forged = TelephonyStandIn.deliver(url, good, "sha256=" + "0".repeat(64));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(problem(forged)).isEqualTo("webhook-signature-invalid");
        var tampered =
                TelephonyStandIn.deliver(url, good.replace("answered", "completed"), TelephonyStandIn.sign(good));
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(TelephonyStandIn.deliver(url, good, "not hex at all").statusCode())
                .isEqualTo(401);

        for (String malformed : List.of(
                "",
                "not json",
                "[1,2]",
                "{\"event\":\"answered\"}",
                "{\"callId\":\"" + placed.call().id() + "\"}",
                "{\"callId\":\"12345\",\"event\":\"answered\"}",
                "{\"callId\":{\"x\":1},\"event\":\"answered\"}",
                "{\"callId\":\"" + placed.call().id() + "\",\"event\":\"answered\",\"at\":\"yesterday\"}",
                "{\"callId\":\"" + placed.call().id() + "\",\"event\":\"completed\",\"duration\":-5}",
                "{\"callId\":\"" + placed.call().id() + "\",\"event\":\"completed\",\"duration\":\"long\"}")) {
            var answer = TelephonyStandIn.deliver(url, malformed, TelephonyStandIn.sign(malformed));
            assertThat(answer.statusCode()).as(malformed).isEqualTo(400);
            assertThat(problem(answer)).as(malformed).isEqualTo("malformed-request");
        }

        String stranger = "{\"callId\":\"" + UUID.randomUUID() + "\",\"event\":\"answered\"}";
        var unknown = TelephonyStandIn.deliver(url, stranger, TelephonyStandIn.sign(stranger));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problem(unknown)).isEqualTo("not-found");
        var otherGateway = TelephonyStandIn.deliver(
                url.replace("/webhooks/http", "/webhooks/sip"), good, TelephonyStandIn.sign(good));
        assertThat(otherGateway.statusCode()).isEqualTo(404);

        String unfollowed = "{\"callId\":\"" + placed.call().id() + "\",\"event\":\"recording-ready\"}";
        var ignored = TelephonyStandIn.deliver(url, unfollowed, TelephonyStandIn.sign(unfollowed));
        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(status(ignored)).isEqualTo("REQUESTED");
        assertThat(phoneCalls.call(placed.call().id()).orElseThrow()).isEqualTo(placed.call());
    }

    @Test
    void theSameEventsDeliveredAtOnceFromManyConnectionsRecordOneCallAnnouncedOnce() throws Exception {
        var placed = placed();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int threads = 8;
        var ready = new CountDownLatch(threads);
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var answers = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < threads; i++) {
                String event = i % 2 == 0 ? "answered" : "completed";
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return TelephonyStandIn.report(
                            placed.dialled(),
                            event,
                            event.equals("answered") ? at.plusSeconds(5) : at.plusSeconds(125),
                            event.equals("answered") ? null : 120);
                }));
            }
            ready.await();
            go.countDown();
            for (var answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        var call = phoneCalls.call(placed.call().id()).orElseThrow();
        assertThat(call.status()).isEqualTo(PhoneCallStatus.COMPLETED);
        assertThat(call.duration()).isEqualTo(Duration.ofSeconds(120));
        assertThat(callEvents.startedIn(placed.room())).hasSize(1);
        assertThat(callEvents.of(placed.room())).hasSize(1);
    }

    private String status(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return body(answer).get("status").asString();
    }
}
