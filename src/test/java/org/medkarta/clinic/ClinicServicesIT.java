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
 * {@link ClinicServices}: service types with their format, kind, price and visibility (SPEC B4, B5),
 * and a service changed after setting it up (issue 13, item 5): a doctor invited later joins an
 * existing service, and every change of the price is kept with who made it and when.
 */
class ClinicServicesIT extends ClinicApiSupport {

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
        String serviceId = body(postAs(a[1], base + "/services", serviceBody(first, "REGION")))
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
        String serviceId = body(postAs(a[1], base + "/services", serviceBody(doctor, "REGION")))
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
        String serviceId = body(postAs(a[1], base + "/services", serviceBody(doctor, "REGION")))
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
        String serviceId = body(postAs(a[1], base + "/services", serviceBody(doctor, "REGION")))
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
        var body = doctorBody(email("doc"), "therapist");
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

    @Test
    void aServiceKeepsItsFormatKindPriceAndReferralOnlyVisibility() {
        String[] a = clinicWithAdmin("Клиника Услуги");
        String doctorId = body(postAs(
                        a[1], "/api/v1/clinics/" + a[0] + "/doctors", doctorBody(email("d"), "therapist")))
                .get("id")
                .asString();

        var created = postAs(a[1], "/api/v1/clinics/" + a[0] + "/services", serviceBody(doctorId, "REFERRAL"));
        var free = serviceBody(doctorId, "ATTACHED");
        free.put("priceKopecks", 0);
        free.put("format", "CHAT");
        var freeService = postAs(a[1], "/api/v1/clinics/" + a[0] + "/services", free);
        var badFormat = serviceBody(doctorId, "REGION");
        badFormat.put("format", "TELEPATHY");
        var negative = serviceBody(doctorId, "REGION");
        negative.put("priceKopecks", -1);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(body(created).get("visibility").asString()).isEqualTo("REFERRAL");
        assertThat(body(created).get("format").asString()).isEqualTo("VIDEO");
        assertThat(body(created).get("kind").asString()).isEqualTo("PRIMARY");
        assertThat(body(created).get("priceKopecks").asLong()).isEqualTo(150000);
        assertThat(body(freeService).get("priceKopecks").asLong()).isZero();
        var refusedFormat = postAs(a[1], "/api/v1/clinics/" + a[0] + "/services", badFormat);
        assertThat(refusedFormat.statusCode()).isEqualTo(422);
        assertThat(body(refusedFormat).get("field").asString()).isEqualTo("format");
        assertThat(body(postAs(a[1], "/api/v1/clinics/" + a[0] + "/services", negative))
                        .get("field")
                        .asString())
                .isEqualTo("priceKopecks");
        var card = get("/api/v1/doctors/" + doctorId);
        assertThat(body(card).get("services").size()).isEqualTo(2);
    }
}
