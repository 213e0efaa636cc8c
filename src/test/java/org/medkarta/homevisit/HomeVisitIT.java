package org.medkarta.homevisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.Delegations;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/** Home visit requests (issue 23) over the API, on a real database. */
class HomeVisitIT extends ApiSupport {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    DevOutbox outbox;

    record Person(SignedInUser user, String phone, String token) {
        String id() {
            return user.patientId().value().toString();
        }
    }

    private Person patient(String lastName) {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, lastName, "Анна", null, phone, "1979-05-06");
        var user = new SignedInUser(
                account.userId(), "Анна", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        return new Person(user, phone, identity.tokens().tokensFor(user).accessToken());
    }

    private void attach(SignedInUser patient, ClinicId clinic) {
        var request = clinics.attachments().requestAttachment(patient, clinic, "GENERAL");
        clinics.attachments().confirmAttachment(TestClinics.PLATFORM, request.id(), Locale.ENGLISH);
    }

    private String registrar(ClinicId clinic) {
        return identity.tokens()
                .tokensFor(TestStaff.registrar(identity, clinic))
                .accessToken();
    }

    private HttpResponse<String> postAs(String token, String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + token);
    }

    private List<String> fields(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        return body(refused)
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    private static Object ask(ClinicId clinic, Object... more) {
        var body = new java.util.LinkedHashMap<String, Object>(map(
                "clinicId",
                clinic.value().toString(),
                "address",
                "Москва, ул. Лесная, д. 5, кв. 12",
                "reason",
                "Температура, слабость, кашель",
                "temperature",
                "37,8",
                "phone",
                "+7 916 123-45-67",
                "day",
                "TODAY"));
        body.putAll(map(more));
        return body;
    }

    @Test
    void onlyAnAttachedPatientAsksEachWrongFieldIsNamedAndOneRequestIsOpenPerDay() {
        var clinic = TestClinics.register(clinics, "Поликлиника вызовов").id();
        var other = TestClinics.register(clinics, "Чужая поликлиника").id();
        var patient = patient("Вызовова");
        attach(patient.user(), clinic);

        assertThat(fields(postAs(patient.token(), "/api/v1/home-visits", ask(other))))
                .containsExactly("clinicId");
        assertThat(fields(postAs(
                        patient.token(),
                        "/api/v1/home-visits",
                        ask(
                                clinic,
                                "address",
                                " ",
                                "reason",
                                "x".repeat(1001),
                                "temperature",
                                "45,1",
                                "phone",
                                "12",
                                "day",
                                LocalDate.now(MOSCOW).plusDays(3).toString()))))
                .containsExactlyInAnyOrder("address", "reason", "temperature", "phone", "day");
        assertThat(fields(postAs(patient.token(), "/api/v1/home-visits", ask(clinic, "temperature", "жар"))))
                .containsExactly("temperature");

        var asked = postAs(patient.token(), "/api/v1/home-visits", ask(clinic));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        var visit = body(asked);
        assertThat(visit.get("state").asString()).isEqualTo("NEW");
        assertThat(visit.get("temperature").decimalValue()).isEqualByComparingTo("37.8");
        assertThat(visit.get("phone").asString()).isEqualTo("+79161234567");

        var again = postAs(patient.token(), "/api/v1/home-visits", ask(clinic));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).endsWith("home-visit-open");
        // Another day is another request.
        assertThat(postAs(patient.token(), "/api/v1/home-visits", ask(clinic, "day", "TOMORROW"))
                        .statusCode())
                .isEqualTo(201);

        String id = visit.get("id").asString();
        var cancelled = postAs(patient.token(), "/api/v1/home-visits/" + id + "/cancel", map());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(body(cancelled).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(postAs(patient.token(), "/api/v1/home-visits/" + id + "/cancel", map())
                        .statusCode())
                .isEqualTo(409);
        // Once cancelled, the day is free again.
        assertThat(postAs(patient.token(), "/api/v1/home-visits", ask(clinic)).statusCode())
                .isEqualTo(201);
        var mine = body(getAs(patient.token(), "/api/v1/home-visits"));
        assertThat(mine.findValuesAsString("state")).containsExactly("NEW", "NEW", "CANCELLED");
    }

    @Test
    void twoRequestsAtOnceForOnePatientAndDayFileExactlyOne() throws Exception {
        var clinic = TestClinics.register(clinics, "Поликлиника гонок").id();
        var patient = patient("Гонкова");
        attach(patient.user(), clinic);
        var answers = race(
                () -> postAs(patient.token(), "/api/v1/home-visits", ask(clinic)),
                () -> postAs(patient.token(), "/api/v1/home-visits", ask(clinic)));
        assertThat(answers.stream().map(HttpResponse::statusCode)).containsExactlyInAnyOrder(201, 409);
        assertThat(body(getAs(patient.token(), "/api/v1/home-visits"))).hasSize(1);
    }

    @Test
    void aParentAsksForTheirChildAndAFullGranteeForTheGrantor() {
        var clinic = TestClinics.register(clinics, "Детская поликлиника").id();
        var parent = patient("Родителева");
        PatientId child = Delegations.child(
                this,
                new Delegations.Holder(parent.token(), parent.phone()),
                LocalDate.now().minusYears(6));
        attach(
                new SignedInUser(
                        parent.user().userId(), "Анна", child, parent.user().roles(), "TEST"),
                clinic);
        var forChild = postAs(
                parent.token(),
                "/api/v1/home-visits",
                ask(clinic, "patientId", child.value().toString()));
        assertThat(forChild.statusCode()).as(forChild.body()).isEqualTo(201);
        assertThat(body(getAs(parent.token(), "/api/v1/home-visits?patientId=" + child.value())))
                .hasSize(1);

        var grantor = patient("Доверителева");
        attach(grantor.user(), clinic);
        var full = patient("Доверенова");
        var viewer = patient("Смотрелова");
        var owner = new Delegations.Holder(grantor.token(), grantor.phone());
        Delegations.grant(
                this,
                outbox,
                owner,
                grantor.user().patientId(),
                new Delegations.Holder(full.token(), full.phone()),
                "FULL");
        Delegations.grant(
                this,
                outbox,
                owner,
                grantor.user().patientId(),
                new Delegations.Holder(viewer.token(), viewer.phone()),
                "VIEW");
        // A VIEW grantee may read the record but not act for the patient: as booking answers, 404.
        var byViewer = postAs(viewer.token(), "/api/v1/home-visits", ask(clinic, "patientId", grantor.id()));
        assertThat(byViewer.statusCode()).isEqualTo(404);
        var byGrantee = postAs(full.token(), "/api/v1/home-visits", ask(clinic, "patientId", grantor.id()));
        assertThat(byGrantee.statusCode()).as(byGrantee.body()).isEqualTo(201);
        assertThat(body(getAs(grantor.token(), "/api/v1/home-visits"))).hasSize(1);
    }

    @Test
    void theRegistryAssignsOnceTheDoctorFilesTheProtocolInTheRecordAndThePatientIsToldOnlyWhen() throws Exception {
        var clinic = TestClinics.register(clinics, "Поликлиника участка").id();
        var admin = TestStaff.administrator(identity, clinics, clinic);
        DoctorView doctor = TestCare.invite(clinics, admin, clinic, TestCare.NewDoctor.THERAPIST);
        String doctorToken = TestCare.token(identity, doctor);
        var patient = patient("Участкова");
        attach(patient.user(), clinic);
        var earlier = patient("Раньшева");
        attach(earlier.user(), clinic);
        var first = body(postAs(earlier.token(), "/api/v1/home-visits", ask(clinic, "temperature", "38.4")));
        var visit = body(postAs(patient.token(), "/api/v1/home-visits", ask(clinic)));
        String id = visit.get("id").asString();

        String one = registrar(clinic);
        String two = registrar(clinic);
        var queue = body(getAs(one, "/api/v1/clinics/" + clinic.value() + "/home-visits"));
        assertThat(queue.findValuesAsString("id"))
                .as("oldest first")
                .containsExactly(first.get("id").asString(), id);
        assertThat(queue.get(0).get("temperature").decimalValue()).isEqualByComparingTo("38.4");

        var wrong = postAs(
                one,
                "/api/v1/home-visits/" + id + "/assign",
                map(
                        "doctorId",
                        TestCare.doctor(
                                        clinics,
                                        TestClinics.register(clinics, "Иная").id())
                                .id()
                                .value(),
                        "from",
                        "14:00",
                        "to",
                        "10:00"));
        assertThat(fields(wrong)).containsExactlyInAnyOrder("doctorId", "to");

        var answers = race(
                () -> postAs(
                        one,
                        "/api/v1/home-visits/" + id + "/assign",
                        map("doctorId", doctor.id().value().toString(), "from", "10:00", "to", "14:00")),
                () -> postAs(
                        two,
                        "/api/v1/home-visits/" + id + "/assign",
                        map("doctorId", doctor.id().value().toString(), "from", "11:00", "to", "15:00")));
        assertThat(answers.stream().map(HttpResponse::statusCode)).containsExactlyInAnyOrder(200, 409);
        assertThat(answers.stream().filter(a -> a.statusCode() == 409).map(this::problem))
                .allMatch(type -> type.endsWith("home-visit-taken"));
        var assigned = body(getAs(patient.token(), "/api/v1/home-visits/" + id));
        assertThat(assigned.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("doctorName").asString()).isEqualTo(doctor.fullName());

        // The patient is told when, never why.
        var told = Outbox.to(outbox, patient.phone(), 1);
        assertThat(told).anySatisfy(m -> assertThat(m.body()).contains("Врач назначен, придёт"));
        assertThat(told).noneSatisfy(m -> assertThat(m.body()).contains("кашель"));
        var changed = postAs(
                one,
                "/api/v1/home-visits/" + id + "/window",
                map("doctorId", doctor.id().value().toString(), "from", "12:00", "to", "16:00"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Outbox.to(outbox, patient.phone(), told.size() + 1))
                .anySatisfy(m -> assertThat(m.body()).contains("с 12:00 до 16:00"));

        // The doctor's day; strangers see nothing of it.
        var day = body(getAs(doctorToken, "/api/v1/home-visits/assigned"));
        assertThat(day.findValuesAsString("id")).contains(id);
        var stranger = TestCare.token(identity, TestCare.invite(clinics, admin, clinic, TestCare.NewDoctor.THERAPIST));
        assertThat(body(getAs(stranger, "/api/v1/home-visits/assigned"))).isEmpty();
        assertThat(postAs(stranger, "/api/v1/home-visits/" + id + "/not-at-home", map())
                        .statusCode())
                .isEqualTo(404);

        assertThat(fields(postAs(
                        doctorToken,
                        "/api/v1/home-visits/" + id + "/visited",
                        map("examination", "", "diagnosis", "Q99.99", "recommendations", "Покой"))))
                .containsExactlyInAnyOrder("examination", "diagnosis");
        var visited = postAs(
                doctorToken,
                "/api/v1/home-visits/" + id + "/visited",
                map(
                        "complaints",
                        "Кашель три дня",
                        "examination",
                        "Зев гиперемирован, дыхание везикулярное",
                        "diagnosis",
                        "J06.9",
                        "recommendations",
                        "Обильное питьё, контроль температуры"));
        assertThat(visited.statusCode()).as(visited.body()).isEqualTo(200);
        var protocol = body(visited).get("protocol");
        assertThat(protocol.get("diagnosisCode").asString()).isEqualTo("J06.9");
        assertThat(postAs(doctorToken, "/api/v1/home-visits/" + id + "/not-at-home", map())
                        .statusCode())
                .isEqualTo(409);
        assertThat(postAs(patient.token(), "/api/v1/home-visits/" + id + "/cancel", map())
                        .statusCode())
                .isEqualTo(409);

        // Filed in the record as an exam protocol like a consultation's, in the same transaction.
        var entries = body(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/record?type=EXAM_PROTOCOL"))
                .get("entries");
        assertThat(entries).hasSize(1);
        String entry = entries.get(0).get("id").asString();
        assertThat(entry).isEqualTo(protocol.get("recordEntryId").asString());
        assertThat(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/record/entries/" + entry)
                        .body())
                .contains("J06.9")
                .contains("Обильное питьё");
    }

    @Test
    void theClinicCancelsAndThePatientIsToldAndTheDoctorMayFindNoOneAtHome() {
        var clinic = TestClinics.register(clinics, "Поликлиника отмен").id();
        var admin = TestStaff.administrator(identity, clinics, clinic);
        DoctorView doctor = TestCare.invite(clinics, admin, clinic, TestCare.NewDoctor.THERAPIST);
        var patient = patient("Отменова");
        attach(patient.user(), clinic);
        String registrar = registrar(clinic);
        String id = body(postAs(patient.token(), "/api/v1/home-visits", ask(clinic)))
                .get("id")
                .asString();
        var cancelled = postAs(registrar, "/api/v1/home-visits/" + id + "/cancel", map());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(Outbox.to(outbox, patient.phone(), 1))
                .anySatisfy(m -> assertThat(m.body()).contains("Поликлиника отменила вызов врача на дом"));
        var assign = postAs(
                registrar,
                "/api/v1/home-visits/" + id + "/assign",
                map("doctorId", doctor.id().value().toString(), "from", "10:00", "to", "14:00"));
        assertThat(problem(assign)).endsWith("home-visit-closed");

        String next = body(postAs(patient.token(), "/api/v1/home-visits", ask(clinic)))
                .get("id")
                .asString();
        assertThat(postAs(
                                registrar,
                                "/api/v1/home-visits/" + next + "/assign",
                                map("doctorId", doctor.id().value().toString(), "from", "10:00", "to", "14:00"))
                        .statusCode())
                .isEqualTo(200);
        var absent = postAs(TestCare.token(identity, doctor), "/api/v1/home-visits/" + next + "/not-at-home", map());
        assertThat(absent.statusCode()).as(absent.body()).isEqualTo(200);
        assertThat(body(absent).get("state").asString()).isEqualTo("NOT_AT_HOME");
        assertThat(body(getAs(registrar, "/api/v1/clinics/" + clinic.value() + "/home-visits?state=NOT_AT_HOME"))
                        .findValuesAsString("id"))
                .containsExactly(next);
    }

    @Test
    void aClinicsSameDayCutOffIsItsAdministratorsAloneAndRefusesTodayAfterIt() {
        var clinic = TestClinics.register(clinics, "Поликлиника отсечки").id();
        String admin = identity.tokens()
                .tokensFor(TestStaff.administrator(identity, clinics, clinic))
                .accessToken();
        String path = "/api/v1/clinics/" + clinic.value() + "/home-visit-settings";
        var elsewhere = TestClinics.register(clinics, "Соседняя").id();
        for (String outsider : List.of(
                patient("Настройкина").token(),
                registrar(clinic),
                identity.tokens()
                        .tokensFor(TestStaff.administrator(identity, clinics, elsewhere))
                        .accessToken())) {
            assertThat(getAs(outsider, path).statusCode()).isEqualTo(404);
            assertThat(putAs(outsider, path, map("sameDayUntil", "14:00")).statusCode())
                    .isEqualTo(404);
        }
        assertThat(body(getAs(admin, path)).get("sameDayUntil").isNull()).isTrue();
        assertThat(fields(putAs(admin, path, map("sameDayUntil", "25:99")))).containsExactly("sameDayUntil");
        var set = putAs(admin, path, map("sameDayUntil", "14:00"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(body(getAs(admin, path)).get("sameDayUntil").asString()).isEqualTo("14:00");

        LocalDate today = LocalDate.now(MOSCOW);
        try {
            clock.freezeAt(today.atTime(13, 59).atZone(MOSCOW).toInstant());
            var early = patient("Раннева");
            attach(early.user(), clinic);
            assertThat(postAs(early.token(), "/api/v1/home-visits", ask(clinic)).statusCode())
                    .isEqualTo(201);
            clock.freezeAt(today.atTime(14, 0).atZone(MOSCOW).toInstant());
            var late = patient("Поздняева");
            attach(late.user(), clinic);
            var refused = postAs(late.token(), "/api/v1/home-visits", ask(clinic));
            assertThat(fields(refused)).containsExactly("day");
            assertThat(body(refused).get("detail").asString()).contains("14:00");
            assertThat(postAs(late.token(), "/api/v1/home-visits", ask(clinic, "day", "TOMORROW"))
                            .statusCode())
                    .isEqualTo(201);
        } finally {
            clock.reset();
        }
    }

    @Test
    void theDemoPatientIsAttachedToTheDemoClinicSoTheDemoOffersAHomeVisit() {
        var doctor = TestCare.demoDoctor(clinics);
        var demo = identity.accounts().findPatients("+79990000001").get(0);
        assertThat(clinics.attachments().isAttached(demo.patientId(), doctor.clinicId()))
                .isTrue();
    }

    private interface Call {
        HttpResponse<String> send();
    }

    /** Runs the calls on threads of their own, released at once. */
    private static List<HttpResponse<String>> race(Call... calls) throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (Call call : calls) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return call.send();
            }));
        }
        start.countDown();
        var answers = new ArrayList<HttpResponse<String>>();
        for (var future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
