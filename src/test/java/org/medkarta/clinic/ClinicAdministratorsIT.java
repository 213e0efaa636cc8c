package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ClinicAdministrators}: who administers which clinic; another clinic's administrator finds nothing. */
class ClinicAdministratorsIT extends ClinicApiSupport {

    @Autowired
    ClinicAdministrators administrators;

    @Autowired
    ClinicFacades clinics;

    @Test
    void anAdministratorOfAnotherClinicGetsNotFoundFromEveryEndpoint() {
        String[] a = clinicWithAdmin("Клиника А");
        String[] b = clinicWithAdmin("Клиника Б");
        var doctor = postAs(a[1], "/api/v1/clinics/" + a[0] + "/doctors", doctorBody(email("doc"), "therapist"));
        assertThat(doctor.statusCode()).as(doctor.body()).isEqualTo(201);
        String doctorId = body(doctor).get("id").asString();
        var service = postAs(a[1], "/api/v1/clinics/" + a[0] + "/services", serviceBody(doctorId, "REGION"));
        assertThat(service.statusCode()).as(service.body()).isEqualTo(201);
        String serviceId = body(service).get("id").asString();
        String other = b[1];
        String base = "/api/v1/clinics/" + a[0];

        var answers = List.of(
                getAs(other, base),
                putAs(other, base, clinicBody("Чужая", validInn(), validOgrn(), List.of())),
                getAs(other, base + "/doctors"),
                getAs(other, base + "/doctors/" + doctorId),
                postAs(other, base + "/doctors", doctorBody(email("doc"), "therapist")),
                putAs(other, base + "/doctors/" + doctorId, doctorBody(null, "cardiologist")),
                putBytes(other, base + "/doctors/" + doctorId + "/photo", PNG),
                getAs(other, base + "/services"),
                postAs(other, base + "/services", serviceBody(doctorId, "REGION")),
                putAs(other, base + "/services/" + serviceId, serviceBody(doctorId, "REFERRAL")),
                postAs(other, base + "/documents/offer", Map.of("text", "Чужая оферта")),
                getAs(other, base + "/attachments"),
                postAs(
                        other,
                        base + "/administrators",
                        map("email", email("x"), "lastName", "Иванов", "firstName", "Иван")),
                putBytes(other, base + "/logo", PNG));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode())
                    .as(answer.uri() + " " + answer.body())
                    .isEqualTo(404);
            assertThat(problem(answer)).isEqualTo("not-found");
        });
        // Nothing was written: A still has its one doctor and one service, unchanged.
        var doctors = getAs(a[1], base + "/doctors");
        assertThat(body(doctors).size()).isEqualTo(1);
        assertThat(body(doctors).get(0).get("specialties").toString())
                .contains("therapist")
                .doesNotContain("cardio");
        var services = getAs(a[1], base + "/services");
        assertThat(body(services).size()).isEqualTo(1);
        assertThat(body(services).get(0).get("visibility").asString()).isEqualTo("REGION");
        assertThat(getAs(a[1], base).body()).doesNotContain("Чужая");
        assertThat(body(getBytesJson(base + "/documents/offer")).size()).isZero();
        // A service of clinic B cannot name A's doctor.
        var crossLink = postAs(b[1], "/api/v1/clinics/" + b[0] + "/services", serviceBody(doctorId, "REGION"));
        assertThat(crossLink.statusCode()).isEqualTo(422);
        assertThat(body(crossLink).get("field").asString()).isEqualTo("doctorIds");
    }

    @Test
    void anAdministratorAdministersTheirClinicAloneAndThePlatformEveryClinic() {
        var clinic = TestClinics.register(clinics, "Клиника Своя");
        var other = TestClinics.register(clinics, "Клиника Соседняя");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        var doctor = TestCare.signedIn(TestCare.doctor(clinics, clinic.id()));

        assertThat(administrators.administers(admin, clinic.id())).isTrue();
        assertThat(administrators.administered(admin))
                .extracting(ClinicView::id)
                .containsExactly(clinic.id());
        assertThat(administrators.administers(TestClinics.PLATFORM, other.id())).isTrue();
        assertThat(administrators.administered(TestClinics.PLATFORM))
                .extracting(ClinicView::id)
                .contains(clinic.id(), other.id());

        assertThat(administrators.administers(admin, other.id())).isFalse();
        assertThat(administrators.administers(doctor, clinic.id())).isFalse();
        assertThat(administrators.administered(doctor)).isEmpty();
        assertThat(administrators.administered(null)).isEmpty();
    }
}
