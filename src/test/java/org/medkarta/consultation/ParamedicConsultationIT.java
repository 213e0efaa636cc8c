package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.access.AccessRefusal;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.ClinicRoles;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Paramedic-to-doctor consultations (issue 23, seed 004 «Телемедицинские консультации: врач
 * (фельдшер)-врач»): the clinic's administrator invites a paramedic of a rural post, who asks a doctor
 * about the patient in front of them as a doctor asks a colleague, attaches files, reads the answer,
 * and reads that patient's record while the question is open and a week after the answer, never
 * writing it. Anyone else asking is told the form does not exist; a paramedic of another clinic sees
 * neither the question nor the record.
 */
class ParamedicConsultationIT extends ConsultationSupport {

    @Autowired
    ClinicRoles clinicRoles;

    @Autowired
    RecordAccess recordAccess;

    /** A paramedic the clinic's administrator invited over the API, signed in with their role there. */
    record TestParamedic(SignedInUser user, ParamedicConsultationIT test) {
        String token() {
            return test.identity.tokens().tokensFor(user).accessToken();
        }
    }

    TestParamedic paramedic(TestClinic clinic) {
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        String email = "fap-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        var invited = postAs(
                identity.tokens().tokensFor(admin).accessToken(),
                "/api/v1/clinics/" + clinic.id().value() + "/paramedics",
                map("email", email, "lastName", "Фельдшерова", "firstName", "Анна"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(204);
        var account = identity.accounts().staffAccount(email).orElseThrow();
        assertThat(account.roles()).contains(new RoleGrant(Role.PARAMEDIC, clinic.id()));
        return new TestParamedic(
                new SignedInUser(
                        account.userId(),
                        "Анна Фельдшерова",
                        null,
                        List.of(new RoleGrant(Role.PARAMEDIC, clinic.id())),
                        "PASSWORD"),
                this);
    }

    @Test
    void onlyTheClinicsAdministratorInvitesAParamedic() {
        var clinic = clinic();
        var other = clinic();
        var otherAdmin = TestStaff.administrator(identity, clinics, other.id());
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        Map<String, Object> body = map("email", "fap-x@example.ru", "lastName", "Фельдшерова", "firstName", "Анна");
        String path = "/api/v1/clinics/" + clinic.id().value() + "/paramedics";
        assertThat(postAs(identity.tokens().tokensFor(otherAdmin).accessToken(), path, body)
                        .statusCode())
                .isEqualTo(404);
        // Clinic administration is closed to anyone without the administrator's role, as for registrars.
        assertThat(postAs(doctor.token(), path, body).statusCode()).isEqualTo(403);
        var wrong = postAs(
                identity.tokens()
                        .tokensFor(TestStaff.administrator(identity, clinics, clinic.id()))
                        .accessToken(),
                path,
                map("email", "not-an-address", "lastName", "Фельдшерова", "firstName", "Анна"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(body(wrong).get("field").asString()).isEqualTo("email");
    }

    @Test
    void aParamedicAsksADoctorOfTheirClinicAndReadsTheRecordWhileTheQuestionIsOpen() {
        var home = clinic();
        var paramedic = paramedic(home);
        var consultant = doctor(home, "therapist", "DOCTOR_TO_DOCTOR");
        var centre = clinic();
        var elsewhere = doctor(centre, "cardiologist", "DOCTOR_TO_DOCTOR");
        var patient = patient("Фаповский");
        String record = "/api/v1/patients/" + patient.id() + "/record";

        // Before any question the paramedic does not see the record, nor would one of another clinic.
        assertThat(getAs(paramedic.token(), record).statusCode()).isEqualTo(404);
        assertThat(colleagueQuestions.asksAsParamedic(paramedic.user())).isTrue();
        assertThat(colleagueQuestions.consultants(paramedic.user(), null))
                .extracting(c -> c.doctor().id())
                .contains(consultant.view().id(), elsewhere.view().id());

        var slot = freeSlots(consultant, consultant.services().get(0)).get(1);
        var asked = postAs(
                paramedic.token(),
                "/api/v1/consultations/doctor-to-doctor",
                map(
                        "patientId",
                        patient.id(),
                        "slotId",
                        slot.get("id").asString(),
                        "caseText",
                        "Пациент 62 лет на ФАП: давление 180/110, головная боль. Вопрос: тактика до приезда скорой?"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        var c = opened(paramedic.token(), body(asked).get("id").asString());
        String base = "/api/v1/consultations/" + c.get("id").asString();
        UUID id = UUID.fromString(c.get("id").asString());
        assertThat(c.get("kind").asString()).isEqualTo("DOCTOR_TO_DOCTOR");
        assertThat(c.get("referringDoctorId").isNull()).isTrue();
        var detail = body(getAs(consultant.token(), base));
        assertThat(detail.get("referringName").asString()).isEqualTo("Фельдшерова Анна");
        assertThat(detail.get("question").asString()).startsWith("Пациент 62 лет на ФАП");
        assertThat(consultationRequests.members(consultant.user(), id))
                .containsExactlyInAnyOrder(
                        consultant.user().userId(), paramedic.user().userId());
        // The patient does not talk in it: the paramedic asks on the patient's behalf, as a doctor would.
        assertThat(consultationRequests.talksIn(patient.user(), id)).isFalse();

        // The paramedic attaches the ECG and reads the record, never writes it.
        var file = multipart(
                paramedic.token(),
                base + "/attachments",
                Map.of(),
                "ecg.txt",
                "ЭКГ: синусовый ритм, 92 в минуту".getBytes(StandardCharsets.UTF_8));
        assertThat(file.statusCode()).as(file.body()).isEqualTo(201);
        assertThat(body(getAs(consultant.token(), base + "/files"))).hasSize(1);
        assertThat(getAs(paramedic.token(), record).statusCode()).isEqualTo(200);
        var patientId = new PatientId(UUID.fromString(patient.id()));
        assertThatThrownBy(() -> recordAccess.require(paramedic.user(), patientId, RecordAction.WRITE))
                .isInstanceOf(AccessRefusal.class);

        // A paramedic of another clinic sees neither the question nor the record.
        var stranger = paramedic(centre);
        assertThat(getAs(stranger.token(), record).statusCode()).isEqualTo(404);
        assertThat(getAs(stranger.token(), base).statusCode()).isEqualTo(404);

        // Only the doctor takes it into work and answers; the paramedic does neither, nor refers.
        clock.freezeAt(start(c).minus(Duration.ofMinutes(1)));
        assertThat(postAs(paramedic.token(), base + "/take", map()).statusCode())
                .isEqualTo(403);
        assertThat(postAs(consultant.token(), base + "/take", map()).statusCode())
                .isEqualTo(200);
        assertThat(postAs(
                                paramedic.token(),
                                base + "/referrals",
                                map("specialty", "cardiologist", "openEnded", true, "reason", "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(postAs(paramedic.token(), base + "/protocol", map("recommendations", "x"))
                        .statusCode())
                .isEqualTo(403);
        var sent = postAs(
                consultant.token(),
                base + "/protocol",
                map(
                        "recommendations",
                        "Каптоприл 25 мг под язык, контроль АД через 30 минут",
                        "diagnoses",
                        List.of("I10")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(body(getAs(paramedic.token(), base + "/protocol"))
                        .get("recommendations")
                        .asString())
                .startsWith("Каптоприл");

        // The answer in hand, the paramedic still reads the record for a week, then no longer.
        clock.freezeAt(start(c).plus(Duration.ofDays(6)));
        assertThat(getAs(paramedic.token(), record).statusCode()).isEqualTo(200);
        clock.freezeAt(start(c).plus(Duration.ofDays(8)));
        assertThat(getAs(paramedic.token(), record).statusCode()).isEqualTo(404);
    }

    @Test
    void aWithdrawnParamedicRoleClosesTheRecordAtOnceAndNobodyElseAsksAsAParamedic() {
        var home = clinic();
        var paramedic = paramedic(home);
        var consultant = doctor(clinic(), "cardiologist", "DOCTOR_TO_DOCTOR");
        var patient = patient("Отозванный");
        String record = "/api/v1/patients/" + patient.id() + "/record";
        var slot = freeSlots(consultant, consultant.services().get(0)).get(2);
        Map<String, Object> question =
                map("patientId", patient.id(), "slotId", slot.get("id").asString(), "caseText", "Боль в груди");

        // A registrar, a patient and a clinic administrator are no askers.
        var registrar = TestStaff.registrar(identity, home.id());
        assertThat(postAs(
                                identity.tokens().tokensFor(registrar).accessToken(),
                                "/api/v1/consultations/doctor-to-doctor",
                                question)
                        .statusCode())
                .isEqualTo(404);
        assertThat(postAs(patient.token(), "/api/v1/consultations/doctor-to-doctor", question)
                        .statusCode())
                .isEqualTo(404);
        var admin = TestStaff.administrator(identity, clinics, home.id());
        assertThat(postAs(
                                identity.tokens().tokensFor(admin).accessToken(),
                                "/api/v1/consultations/doctor-to-doctor",
                                question)
                        .statusCode())
                .isEqualTo(404);

        var asked = postAs(paramedic.token(), "/api/v1/consultations/doctor-to-doctor", question);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        opened(paramedic.token(), body(asked).get("id").asString());
        assertThat(getAs(paramedic.token(), record).statusCode()).isEqualTo(200);

        // The role withdrawn, the token still naming it opens nothing.
        clinicRoles.withdraw(paramedic.user().userId(), Role.PARAMEDIC, home.id());
        assertThat(getAs(paramedic.token(), record).statusCode()).isEqualTo(404);
        assertThat(postAs(paramedic.token(), "/api/v1/consultations/doctor-to-doctor", question)
                        .statusCode())
                .isEqualTo(404);
    }
}
