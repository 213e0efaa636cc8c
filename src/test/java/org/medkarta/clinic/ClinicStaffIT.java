package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medkarta.testing.Outbox;

/** {@link ClinicStaff}: doctors invited by e-mail with a profile in each clinic they work in (SPEC B3, A8). */
class ClinicStaffIT extends ClinicApiSupport {

    @Test
    void anInvitedDoctorSetsAPasswordFromTheLinkAndAppearsInTheCatalogue() {
        String[] a = clinicWithAdmin("Клиника Сердце");
        String doctorEmail = email("cardio");

        var invited = postAs(a[1], "/api/v1/clinics/" + a[0] + "/doctors", doctorBody(doctorEmail, "cardiologist"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String doctorId = body(invited).get("id").asString();
        assertThat(Outbox.latestLink(outbox, doctorEmail)).contains("/password/set?token=");
        acceptInvitation(doctorEmail);
        assertThat(tokenOf(doctorEmail, PASSWORD)).isNotBlank();

        var found = get("/api/v1/doctors?specialty=cardiologist&q=сердеч&clinicId=" + a[0]);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(body(found).size()).isEqualTo(1);
        assertThat(body(found).get(0).get("id").asString()).isEqualTo(doctorId);
        assertThat(body(found).get(0).get("name").asString()).isEqualTo("Сердечная Анна Павловна");
        assertThat(body(found).get(0).get("clinicId").asString()).isEqualTo(a[0]);
        assertThat(body(found).get(0).get("specialties").toString()).contains("cardiologist");
        assertThat(body(get("/api/v1/doctors?specialty=dentist&clinicId=" + a[0]))
                        .size())
                .isZero();

        var again = postAs(a[1], "/api/v1/clinics/" + a[0] + "/doctors", doctorBody(doctorEmail, "cardiologist"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).isEqualTo("doctor-exists");
    }

    @Test
    void oneDoctorWorksInTwoClinicsWithAProfileInEach() {
        String[] a = clinicWithAdmin("Клиника Первая");
        String[] b = clinicWithAdmin("Клиника Вторая");
        String doctorEmail = email("both");

        var first = postAs(a[1], "/api/v1/clinics/" + a[0] + "/doctors", doctorBody(doctorEmail, "cardiologist"));
        var second = postAs(b[1], "/api/v1/clinics/" + b[0] + "/doctors", doctorBody(doctorEmail, "therapist"));

        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(body(second).get("userId").asString())
                .isEqualTo(body(first).get("userId").asString());
        assertThat(body(second).get("id").asString())
                .isNotEqualTo(body(first).get("id").asString());
        // The second clinic added a role to the existing account: no second invitation.
        assertThat(Outbox.to(outbox, doctorEmail, 1)).hasSize(1);
        assertThat(body(get("/api/v1/doctors?q=сердечная&clinicId=" + b[0]))
                        .get(0)
                        .get("specialties")
                        .toString())
                .contains("therapist")
                .doesNotContain("cardiologist");
    }
}
