package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slot search (SPEC C3): nearest first, paged, within each clinic's booking horizon. */
class SlotSearchIT extends SchedulingSupport {

    private List<String> starts(String token, String query) {
        var found = getAs(token, "/api/v1/slots?" + query);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        var list = new ArrayList<String>();
        body(found).forEach(slot -> list.add(slot.get("start").asString()));
        return list;
    }

    @Test
    void pagesFollowEachOtherNearestFirstAndWrongPagingIsNamed() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "cardiologist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        String query = "doctorId=" + doctor.id() + "&size=3&page=";
        var first = starts(patient.token(), query + "0");
        var second = starts(patient.token(), query + "1");
        assertThat(first).hasSize(3);
        assertThat(second).hasSize(3);
        var both = new ArrayList<>(first);
        both.addAll(second);
        assertThat(both).isSorted().doesNotHaveDuplicates();
        assertThat(starts(patient.token(), "doctorId=" + doctor.id() + "&size=6"))
                .containsExactlyElementsOf(both);

        var tooBig = getAs(patient.token(), "/api/v1/slots?doctorId=" + doctor.id() + "&size=501");
        assertThat(tooBig.statusCode()).isEqualTo(422);
        assertThat(body(tooBig).get("errors").findValuesAsString("field")).containsExactly("size");
        var negative = getAs(patient.token(), "/api/v1/slots?doctorId=" + doctor.id() + "&page=-1");
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(body(negative).get("errors").findValuesAsString("field")).containsExactly("page");
    }

    @Test
    void aSpecialtySearchStopsAtEachClinicsOwnHorizon() {
        var near = clinic("Europe/Moscow");
        var far = clinic("Europe/Moscow");
        var short_ = doctor(near, "endocrinologist", "REGION");
        var long_ = doctor(far, "endocrinologist", "REGION");
        var patient = patient();
        activeTemplate(near, short_, "09:00", "10:30");
        activeTemplate(far, long_, "09:00", "10:30");
        doctorSchedules.setHorizonDays(Fixtures.PLATFORM, near.id(), 2);
        var found = getAs(patient.token(), "/api/v1/slots?specialty=endocrinologist&size=500");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        Instant now = Instant.now();
        var latestByDoctor = new java.util.HashMap<String, Instant>();
        body(found)
                .forEach(slot -> latestByDoctor.merge(
                        slot.get("doctorId").asString(),
                        Instant.parse(slot.get("start").asString()),
                        (a, b) -> a.isAfter(b) ? a : b));
        assertThat(latestByDoctor.get(short_.id())).isBefore(now.plus(Duration.ofDays(2)));
        assertThat(latestByDoctor.get(long_.id())).isAfter(now.plus(Duration.ofDays(5)));
    }
}
