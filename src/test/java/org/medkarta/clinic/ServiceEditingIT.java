package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A clinic administrator changes a service after setting it up (issue 13, item 5): a doctor invited
 * later joins an existing service, and every change of the price is kept with who made it and when.
 */
class ServiceEditingIT extends ClinicApiSupport {

    @Autowired
    ClinicServices services;

    @Autowired
    ClinicCatalogue catalogue;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aDoctorInvitedLaterJoinsAnExistingServiceAndAPriceChangeIsRecordedWithWhoAndWhen() {
        String[] a = clinicWithAdmin("Клиника правок");
        String base = "/api/v1/clinics/" + a[0];
        String first = doctor(a, "Первый");
        String serviceId = body(postAs(a[1], base + "/services", ClinicSetUpIT.serviceBody(first, "REGION")))
                .get("id")
                .asString();
        String later = doctor(a, "Новенький");
        Instant from = clock.instant();

        var changed = putAs(a[1], base + "/services/" + serviceId, edited(List.of(first, later), 200_000, 45));
        Instant to = clock.instant();

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        var read = getAs(a[1], base + "/services/" + serviceId);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(body(read).get("name").asString()).isEqualTo("Повторная видеоконсультация");
        assertThat(body(read).get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(body(read).get("priceKopecks").asLong()).isEqualTo(200_000);
        assertThat(body(read).get("doctorIds").toString()).contains(first, later);
        assertThat(body(read).get("visibility").asString()).isEqualTo("ATTACHED");
        var history = body(getAs(a[1], base + "/services/" + serviceId + "/price-changes"));
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("oldPriceKopecks").asLong()).isEqualTo(150_000);
        assertThat(history.get(0).get("newPriceKopecks").asLong()).isEqualTo(200_000);
        assertThat(Instant.parse(history.get(0).get("changedAt").asString()))
                .isBetween(from.minusMillis(1), to.plusMillis(1));
        assertThat(history.get(0).get("changedBy").asString())
                .isEqualTo(body(getAs(a[1], "/api/v1/me")).get("userId").asString());

        // The same price again is no change of price.
        clock.advance(Duration.ofMinutes(1));
        putAs(a[1], base + "/services/" + serviceId, edited(List.of(later), 200_000, 30));
        assertThat(body(getAs(a[1], base + "/services/" + serviceId + "/price-changes"))
                        .size())
                .isEqualTo(1);
        assertThat(catalogue.servicesOf(org.medkarta.shared.DoctorId.of(later)))
                .extracting(ServiceView::name)
                .contains("Повторная видеоконсультация");
    }

    @Test
    void whatWasBookedBeforeAPriceChangeKeepsThePriceItWasBookedAt() {
        String[] a = clinicWithAdmin("Клиника цен");
        String base = "/api/v1/clinics/" + a[0];
        String doctor = doctor(a, "Ценов");
        String serviceId = body(postAs(a[1], base + "/services", ClinicSetUpIT.serviceBody(doctor, "REGION")))
                .get("id")
                .asString();
        Instant booked = clock.instant();
        clock.advance(Duration.ofMinutes(2));
        putAs(a[1], base + "/services/" + serviceId, edited(List.of(doctor), 200_000, 30));
        clock.advance(Duration.ofMinutes(2));
        putAs(a[1], base + "/services/" + serviceId, edited(List.of(doctor), 250_000, 30));

        var service = ServiceId.of(serviceId);
        assertThat(services.priceAt(service, booked)).isEqualTo(150_000);
        assertThat(services.priceAt(service, booked.plus(Duration.ofMinutes(3))))
                .isEqualTo(200_000);
        assertThat(services.priceAt(service, clock.instant())).isEqualTo(250_000);
        assertThat(body(getAs(a[1], base + "/services/" + serviceId + "/price-changes"))
                        .get(0)
                        .get("newPriceKopecks")
                        .asLong())
                .as("newest first")
                .isEqualTo(250_000);
    }

    @Test
    void anAdministratorOfAnotherClinicGetsNotFoundForTheServiceItsHistoryAndItsChange() {
        String[] a = clinicWithAdmin("Клиника своя");
        String[] b = clinicWithAdmin("Клиника чужая");
        String base = "/api/v1/clinics/" + a[0];
        String doctor = doctor(a, "Свой");
        String serviceId = body(postAs(a[1], base + "/services", ClinicSetUpIT.serviceBody(doctor, "REGION")))
                .get("id")
                .asString();

        var answers = List.of(
                getAs(b[1], base + "/services/" + serviceId),
                getAs(b[1], base + "/services/" + serviceId + "/price-changes"),
                putAs(b[1], base + "/services/" + serviceId, edited(List.of(doctor), 1, 30)),
                // Their own clinic's path with our service: not theirs either.
                getAs(b[1], "/api/v1/clinics/" + b[0] + "/services/" + serviceId),
                putAs(b[1], "/api/v1/clinics/" + b[0] + "/services/" + serviceId, edited(List.of(), 1, 30)),
                getAs(a[1], base + "/services/" + UUID.randomUUID()));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode())
                    .as(answer.uri() + " " + answer.body())
                    .isEqualTo(404);
            assertThat(problem(answer)).isEqualTo("not-found");
        });
        assertThat(body(getAs(a[1], base + "/services/" + serviceId))
                        .get("priceKopecks")
                        .asLong())
                .isEqualTo(150_000);
    }

    @Test
    void aChangeWithBadFieldsIsInvalidInputNamingThemAndChangesNothing() {
        String[] a = clinicWithAdmin("Клиника ошибок");
        String base = "/api/v1/clinics/" + a[0];
        String doctor = doctor(a, "Ошибкин");
        String serviceId = body(postAs(a[1], base + "/services", ClinicSetUpIT.serviceBody(doctor, "REGION")))
                .get("id")
                .asString();
        var bad = edited(List.of(doctor), -5, 0);
        bad.put("name", " ");
        bad.put("visibility", "EVERYONE");

        var refused = putAs(a[1], base + "/services/" + serviceId, bad);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(problem(refused)).isEqualTo("invalid-input");
        assertThat(body(refused).get("errors").toString()).contains("name", "priceKopecks", "durationMinutes");
        var unchanged = body(getAs(a[1], base + "/services/" + serviceId));
        assertThat(unchanged.get("name").asString()).isEqualTo("Первичная видеоконсультация");
        assertThat(unchanged.get("priceKopecks").asLong()).isEqualTo(150_000);
        assertThat(body(getAs(a[1], base + "/services/" + serviceId + "/price-changes"))
                        .size())
                .isZero();
    }

    private String doctor(String[] clinic, String lastName) {
        var body = ClinicSetUpIT.doctorBody(email("doc"), "therapist");
        body.put("lastName", lastName);
        var created = postAs(clinic[1], "/api/v1/clinics/" + clinic[0] + "/doctors", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return body(created).get("id").asString();
    }

    private static Map<String, Object> edited(List<String> doctors, long priceKopecks, int minutes) {
        return map(
                "name", "Повторная видеоконсультация",
                "specialty", "therapist",
                "format", "VIDEO",
                "kind", "REPEAT",
                "durationMinutes", minutes,
                "priceKopecks", priceKopecks,
                "doctorIds", doctors,
                "visibility", "ATTACHED");
    }
}
