package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.TestStaff;

/** «Пациент не пришёл» (SPEC J3): the doctor marks a no-show; the dashboard and FHIR tell it. */
class NoShowsIT extends SchedulingSupport {

    @Test
    void theDoctorMarksANoShowAfterTheStartAndTheClinicsDashboardCountsIt() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var slot = freeSlots(patient.token(), doctor).get(0);
        String appointment =
                body(book(patient, slot.get("id").asString(), true)).get("id").asString();
        String path = "/api/v1/appointments/" + appointment + "/no-show";

        var early = postAs(doctor.token(), path, Map.of());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(problem(early)).isEqualTo("appointment-not-started");

        Instant start = Instant.parse(slot.get("start").asString());
        clock.freezeAt(start.plus(Duration.ofMinutes(20)));
        var me = signedInAgain(patient);
        assertThat(postAs(me.token(), path, Map.of()).statusCode()).isEqualTo(404);
        var elsewhere = doctor(clinic("Europe/Moscow"), "therapist", "REGION");
        assertThat(postAs(elsewhere.token(), path, Map.of()).statusCode()).isEqualTo(404);

        String doctorToken = identity.tokens()
                .tokensFor(org.medkarta.testing.TestCare.signedIn(doctor.view()))
                .accessToken();
        var marked = postAs(doctorToken, path, Map.of());
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        assertThat(body(marked).get("noShowAt").asString())
                .startsWith(start.toString().substring(0, 10));
        assertThat(body(marked).get("status").asString()).isEqualTo("BOOKED");
        var again = postAs(doctorToken, path, Map.of());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).get("noShowAt").asString())
                .isEqualTo(body(marked).get("noShowAt").asString());

        // The clinic's dashboard counts it on its day and for its doctor (SPEC J3).
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        LocalDate day = start.atZone(clinic.zone()).toLocalDate();
        var dashboard = getAs(
                identity.tokens().tokensFor(admin).accessToken(),
                "/api/v1/clinics/" + clinic.id().value() + "/dashboard?from=" + day + "&to=" + day);
        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
        assertThat(body(dashboard).get("totals").get("noShows").asLong()).isEqualTo(1);
        assertThat(body(dashboard)
                        .get("doctors")
                        .get(0)
                        .get("figures")
                        .get("noShows")
                        .asLong())
                .isEqualTo(1);

        // FHIR tells the same (Appointment.status noshow).
        var fhir = getAs(me.token(), "/fhir/Appointment/" + appointment);
        assertThat(fhir.statusCode()).as(fhir.body()).isEqualTo(200);
        assertThat(body(fhir).get("status").asString()).isEqualTo("noshow");
    }
}
