package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.TestStaff;

/** {@link WalkInBoards}: doctors' load and the waits the dashboard reads (SPEC C9, J3; issue 19). */
class WalkInBoardsIT extends WalkInSupport {

    @Test
    void theHeadSeesEachDoctorsLoadAndTheDashboardReadsWaitsPerDoctorAndDay() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        take(patient(), queue);
        take(patient(), queue);
        take(patient(), queue);
        clock.advance(Duration.ofMinutes(4));
        String first = id(callNext(doctor, queue));
        postAs(doctor.token(), "/api/v1/walk-in-tickets/" + first + "/finish", map());
        String second = id(callNext(doctor, queue));
        postAs(doctor.token(), "/api/v1/walk-in-tickets/" + second + "/no-show", map());
        callNext(doctor, queue);

        var load = getAs(
                identity.tokens().tokensFor(admin).accessToken(),
                "/api/v1/clinics/" + clinic.id().value() + "/walk-in-load");
        assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
        var row = body(load).get(0);
        assertThat(row.get("served").asInt()).isEqualTo(1);
        assertThat(row.get("noShows").asInt()).isEqualTo(1);
        assertThat(row.get("current").asString()).isEqualTo("Т-003");
        assertThat(row.get("maxWaitMinutes").asInt()).isEqualTo(4);
        assertThat(getAs(doctor.token(), "/api/v1/clinics/" + clinic.id().value() + "/walk-in-load")
                        .statusCode())
                .isEqualTo(404);

        LocalDate today = LocalDate.now(clinic.zone());
        var waits = walkInBoards.waits(admin, clinic.id(), today.minusDays(1), today);
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0).served()).isEqualTo(1);
        assertThat(waits.get(0).noShows()).isEqualTo(1);
        assertThat(waits.get(0).maxWaitMinutes()).isEqualTo(4);
        assertThat(waits.get(0).meanWaitMinutes()).isEqualTo(4.0);
        assertThatThrownBy(
                        () -> walkInBoards.waits(TestStaff.registrar(identity, clinic.id()), clinic.id(), today, today))
                .isInstanceOf(org.medkarta.shared.NotFound.class);

        // The clinic's dashboard reads the same waits, per doctor over the period (SPEC J3).
        String adminToken = identity.tokens().tokensFor(admin).accessToken();
        var dashboard = getAs(
                adminToken,
                "/api/v1/clinics/" + clinic.id().value() + "/dashboard?from=" + today.minusDays(1) + "&to=" + today);
        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
        var walkIn = body(dashboard).get("walkIn").get("doctors").get(0);
        assertThat(walkIn.get("served").asLong()).isEqualTo(1);
        assertThat(walkIn.get("noShows").asLong()).isEqualTo(1);
        assertThat(walkIn.get("meanWaitMinutes").asDouble()).isEqualTo(4.0);
        assertThat(walkIn.get("maxWaitMinutes").asInt()).isEqualTo(4);
        // A head of department of the clinic watches the queues as its administrator does.
        var appointed = putAs(
                adminToken,
                "/api/v1/clinics/" + clinic.id().value() + "/doctors/" + doctor.id() + "/head-of-department",
                map());
        assertThat(appointed.statusCode()).as(appointed.body()).isBetween(200, 204);
        assertThat(getAs(doctor.token(), "/api/v1/clinics/" + clinic.id().value() + "/walk-in-load")
                        .statusCode())
                .isEqualTo(200);
    }
}
