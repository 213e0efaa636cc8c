package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link DoctorSchedules}: slots added and closed by hand (SPEC C2). */
class DoctorSchedulesIT extends SchedulingSupport {

    @Test
    void singleSlotsAreAddedAndClosedByHand() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        Instant start = LocalDate.now(clinic.zone())
                .plusDays(2)
                .atTime(19, 0)
                .atZone(clinic.zone())
                .toInstant();
        var added = postAs(
                doctor.token(),
                "/api/v1/doctors/" + doctor.id() + "/slots",
                map("start", start.toString(), "minutes", 45));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String slot = body(added).get("id").asString();
        assertThat(freeSlots(patient.token(), doctor))
                .extracting(s -> s.get("id").asString())
                .contains(slot);

        var overlapping = postAs(
                doctor.token(),
                "/api/v1/doctors/" + doctor.id() + "/slots",
                map("start", start.plus(Duration.ofMinutes(15)).toString(), "minutes", 30));
        assertThat(problem(overlapping)).isEqualTo("slot-overlap");

        assertThat(postAs(doctor.token(), "/api/v1/slots/" + slot + "/close", map())
                        .statusCode())
                .isEqualTo(200);
        assertThat(freeSlots(patient.token(), doctor))
                .extracting(s -> s.get("id").asString())
                .doesNotContain(slot);
        assertThat(problem(book(patient, slot, true))).isEqualTo("slot-taken");
    }
}
