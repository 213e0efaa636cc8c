package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.AccountCallPhone;
import org.medkarta.shared.InvalidInput;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TelephonyStandIn;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * «Позвонить пациенту» (SPEC D6, seed 004): the doctor holding the consultation in work has the
 * stand-in gateway ring their phone for calls and then the patient's; the gateway's webhooks record
 * the call among the consultation's calls. Nobody else may place it.
 */
class ConsultationPhoneCallsIT extends ConsultationSupport {

    @Autowired
    AccountCallPhone callPhones;

    @Autowired
    ConsultationPhoneCalls phoneCalls;

    record InWork(TestDoctor doctor, TestPatient patient, String id, String doctorPhone) {
        String path() {
            return "/api/v1/consultations/" + id + "/phone-call";
        }
    }

    private InWork inWork(String lastName) {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient(lastName);
        String doctorPhone = Phones.unique();
        callPhones.record(doctor.user(), doctorPhone.replace("+7", "8 ("));
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), "Кашель");
        String id = c.get("id").asString();
        clock.freezeAt(start(c).minus(Duration.ofMinutes(5)));
        var taken = postAs(doctor.token(), "/api/v1/consultations/" + id + "/take", map());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        return new InWork(doctor, patient, id, doctorPhone);
    }

    @Test
    void theDoctorsClickReachesTheGatewayAndItsWebhooksRecordThePhoneCallOnTheConsultation() {
        var c = inWork("Звонков");

        var placed = postAs(c.doctor().token(), c.path(), map());

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        assertThat(body(placed).get("status").asString()).isEqualTo("REQUESTED");
        assertThat(placed.body()).doesNotContain(c.patient().phone()).doesNotContain(c.doctorPhone());
        var dialled = TelephonyStandIn.dialled(
                        UUID.fromString(body(placed).get("id").asString()))
                .orElseThrow();
        assertThat(dialled.from()).isEqualTo(c.doctorPhone());
        assertThat(dialled.to()).isEqualTo(c.patient().phone());

        var again = postAs(c.doctor().token(), c.path(), map());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).isEqualTo("call-in-progress");
        assertThat(body(again).get("detail").asString()).isNotBlank();

        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        TelephonyStandIn.report(dialled, "ringing", at.plusSeconds(1), null);
        TelephonyStandIn.report(dialled, "completed", at.plusSeconds(212), 200);
        TelephonyStandIn.report(dialled, "answered", at.plusSeconds(12), null);
        TelephonyStandIn.report(dialled, "completed", at.plusSeconds(212), 200);

        for (var reader : new String[] {c.doctor().token(), c.patient().token()}) {
            var calls = getAs(reader, "/api/v1/consultations/" + c.id() + "/calls");
            assertThat(calls.statusCode()).isEqualTo(200);
            JsonNode call = body(calls).get(0);
            assertThat(body(calls).size()).isEqualTo(1);
            assertThat(call.get("mode").asString()).isEqualTo("PHONE");
            assertThat(Instant.parse(call.get("startedAt").asString())).isEqualTo(at.plusSeconds(12));
            assertThat(call.get("durationSeconds").asLong()).isEqualTo(200);
            assertThat(calls.body()).doesNotContain(c.patient().phone()).doesNotContain(c.doctorPhone());
        }
        var next = postAs(c.doctor().token(), c.path(), map());
        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
    }

    @Test
    void onlyTheDoctorHoldingTheConsultationInWorkMayCallAndAnyoneElseIsToldItIsNotThere() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var colleague = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Недозвонов");
        callPhones.record(doctor.user(), Phones.unique());
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        String path = "/api/v1/consultations/" + c.get("id").asString() + "/phone-call";
        clock.freezeAt(start(c).minus(Duration.ofMinutes(5)));

        var early = postAs(doctor.token(), path, map());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(problem(early)).isEqualTo("consultation-not-in-work");
        assertThat(postAs(doctor.token(), "/api/v1/consultations/" + c.get("id").asString() + "/take", map())
                        .statusCode())
                .isEqualTo(200);

        for (String outsider : new String[] {
            patient.token(),
            colleague.token(),
            patient("Посторонний").token(),
            doctor(clinic(), "therapist", "PRIMARY").token()
        }) {
            var refused = postAs(outsider, path, map());
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(problem(refused)).isEqualTo("not-found");
            assertThat(refused.body()).doesNotContain(patient.phone());
        }
        assertThat(post(path, map()).statusCode()).isEqualTo(401);
        assertThat(postAs(doctor.token(), "/api/v1/consultations/not-an-id/phone-call", map())
                        .statusCode())
                .isEqualTo(404);
        assertThat(postAs(doctor.token(), "/api/v1/consultations/" + UUID.randomUUID() + "/phone-call", map())
                        .statusCode())
                .isEqualTo(404);
        assertThat(TelephonyStandIn.dialledTo(port).stream()
                        .filter(d -> d.to().equals(patient.phone()))
                        .toList())
                .isEmpty();
    }

    @Test
    void aDoctorWithoutAPhoneForCallsIsToldToEnterItInTheProfile() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Безномеров");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        String base = "/api/v1/consultations/" + c.get("id").asString();
        clock.freezeAt(start(c).minus(Duration.ofMinutes(5)));
        postAs(doctor.token(), base + "/take", map());

        var refused = postAs(doctor.token(), base + "/phone-call", map());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problem(refused)).isEqualTo("doctor-phone-missing");
        assertThat(phoneCalls.doctorHasPhone(doctor.user())).isFalse();
        assertThatThrownBy(() -> callPhones.record(doctor.user(), "12345"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e ->
                        assertThat(((InvalidInput) e).errors().get(0).field()).isEqualTo("callPhone"));
        callPhones.record(doctor.user(), "+7 916 000-12-34");
        assertThat(callPhones.of(doctor.user().userId()).orElseThrow().e164()).isEqualTo("+79160001234");
        assertThat(postAs(doctor.token(), base + "/phone-call", map()).statusCode())
                .isEqualTo(202);
        callPhones.record(doctor.user(), " ");
        assertThat(callPhones.of(doctor.user().userId())).isEmpty();
    }
}
