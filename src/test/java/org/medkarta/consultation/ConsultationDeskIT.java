package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The doctor's desk (SPEC D2, D3): requests by state, overdue apart from new, the counts and the filters. */
class ConsultationDeskIT extends ConsultationSupport {

    @Test
    void aRequestNotTakenByItsStartIsOverdueApartFromNewAndCanStillBeTaken() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Опоздалов");
        var slots = freeSlots(doctor, doctor.services().get(0));
        var first = bookAndOpen(patient, slots.get(0), null);
        var later = bookAndOpen(patient, slots.get(4), null);

        clock.freezeAt(start(first).minusSeconds(1));
        assertThat(ids(getAs(doctor.token(), "/api/v1/consultations?state=NEW")))
                .contains(first.get("id").asString(), later.get("id").asString());
        clock.freezeAt(start(first).plusSeconds(60));
        String token = doctor.token();
        assertThat(ids(getAs(token, "/api/v1/consultations?state=OVERDUE")))
                .containsExactly(first.get("id").asString());
        assertThat(ids(getAs(token, "/api/v1/consultations?state=NEW")))
                .containsExactly(later.get("id").asString());
        var counts = consultationDesk.counts(doctor.user(), DeskFilter.NONE);
        assertThat(counts.get(ConsultationState.OVERDUE)).isEqualTo(1);
        assertThat(counts.get(ConsultationState.NEW)).isEqualTo(1);
        var filtered = consultationDesk.desk(
                doctor.user(),
                ConsultationState.NEW,
                new DeskFilter(LocalDate.ofInstant(start(later), clinic.zone()), Channel.VIDEO, "опоздал"));
        assertThat(filtered)
                .extracting(v -> v.id().toString())
                .containsExactly(later.get("id").asString());
        assertThat(consultationDesk.desk(
                        doctor.user(), ConsultationState.NEW, new DeskFilter(null, Channel.CHAT, null)))
                .isEmpty();
        assertThat(consultationDesk.desk(doctor.user(), ConsultationState.NEW, new DeskFilter(null, null, "Иванов")))
                .isEmpty();
        var wrong = getAs(token, "/api/v1/consultations?state=LOST");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(body(wrong).get("field").asString()).isEqualTo("state");

        var taken = postAs(token, "/api/v1/consultations/" + first.get("id").asString() + "/take", map());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    }
}
