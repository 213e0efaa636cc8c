package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read figures the clinic dashboards use (SPEC J3, issue 19): a clinic's requests by the day of
 * their appointment and by desk state read at a given moment, how soon they were taken, the same
 * figures from the roll-up of settled days, and nothing of another clinic's or another doctor's.
 */
class ConsultationFiguresIT extends ConsultationSupport {

    @Autowired
    ConsultationFigures figures;

    @Test
    void aRequestCountsOnItsDayAsNewThenOverdueAndMissedAndOnlyForItsClinicAndDoctor() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Счётов");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        LocalDate day = LocalDate.ofInstant(start(c), clinic.zone());
        var query = new ConsultationFigures.Query(clinic.id(), clinic.zone(), day, day, null, null);

        var before = figures.sums(query, start(c).minusSeconds(60));
        assertThat(before.byDay()).containsOnlyKeys(day);
        assertThat(before.byDoctor()).containsOnlyKeys(doctor.view().id());
        assertThat(before.byDay().get(day).count())
                .isEqualTo(before.byDoctor().get(doctor.view().id()).count())
                .satisfies(count -> {
                    assertThat(count.fresh()).isEqualTo(1);
                    assertThat(count.overdue()).isZero();
                    assertThat(count.total()).isEqualTo(1);
                    assertThat(count.meanMinutesToTake()).isNull();
                });
        var after = figures.sums(query, start(c).plus(Duration.ofMinutes(31)));
        assertThat(after.byDay().get(day).count()).satisfies(count -> {
            assertThat(count.fresh()).isZero();
            assertThat(count.overdue()).isEqualTo(1);
            assertThat(count.missed()).isEqualTo(1);
        });

        var nothing = new ConsultationFigures.Sums(java.util.Map.of(), java.util.Map.of());
        var otherClinic =
                new ConsultationFigures.Query(new ClinicId(UUID.randomUUID()), clinic.zone(), day, day, null, null);
        assertThat(figures.sums(otherClinic, start(c))).isEqualTo(nothing);
        var otherDoctor = new ConsultationFigures.Query(
                clinic.id(), clinic.zone(), day, day, new DoctorId(UUID.randomUUID()), null);
        assertThat(figures.sums(otherDoctor, start(c))).isEqualTo(nothing);

        // A dashboard's live reading leaves the name out; the requests still name their doctor.
        assertThat(before.byDoctor().get(doctor.view().id()).name()).isNull();
        var stranger = new DoctorId(UUID.randomUUID());
        assertThat(figures.doctorNames(
                        clinic.id(), java.util.List.of(doctor.view().id(), stranger)))
                .containsOnlyKeys(doctor.view().id())
                .containsValue(doctor.view().fullName());
        assertThat(figures.doctorNames(
                        otherClinic.clinic(), java.util.List.of(doctor.view().id())))
                .as("another clinic's requests name nobody here")
                .isEmpty();
    }

    @Test
    void aTakenRequestCountsInWorkWithItsMinutesToTakeAndASettledDayReadsTheSameFromTheRollUp() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var taken = bookAndOpen(
                patient("Взятов"), freeSlots(doctor, doctor.services().get(0)).get(0), null);
        var left = bookAndOpen(
                patient("Забытов"), freeSlots(doctor, doctor.services().get(0)).get(0), null);
        clock.freezeAt(start(taken).minus(Duration.ofMinutes(10)));
        var take = postAs(
                doctor.token(), "/api/v1/consultations/" + taken.get("id").asString() + "/take", map());
        assertThat(take.statusCode()).as(take.body()).isEqualTo(200);
        LocalDate first = LocalDate.ofInstant(start(taken), clinic.zone());
        LocalDate last = LocalDate.ofInstant(start(left), clinic.zone());
        var query = new ConsultationFigures.Query(clinic.id(), clinic.zone(), first, last, null, null);

        var live = figures.sums(query, clock.instant());
        var sum = live.byDay().values().stream()
                .map(ConsultationFigures.Sum::count)
                .reduce(ConsultationFigures.Count.NONE, ConsultationFigures.Count::plus);
        assertThat(live.byDoctor().get(doctor.view().id()).count()).isEqualTo(sum);
        assertThat(sum.inWork()).isEqualTo(1);
        assertThat(sum.taken()).isEqualTo(1);
        assertThat(sum.meanMinutesToTake()).isEqualTo(-10.0);
        assertThat(sum.fresh()).isEqualTo(1);

        var later = last.plusDays(30).atStartOfDay(clinic.zone()).toInstant();
        assertThat(figures.rollUp(clinic.id(), clinic.zone(), later)).isPositive();
        var rolledUp = figures.sums(query, later);
        var rolled = rolledUp.byDay().values().stream()
                .map(ConsultationFigures.Sum::count)
                .reduce(ConsultationFigures.Count.NONE, ConsultationFigures.Count::plus);
        assertThat(rolledUp.byDoctor().get(doctor.view().id()).count()).isEqualTo(rolled);
        assertThat(rolledUp.byDoctor().get(doctor.view().id()).name())
                .as("the roll-up keeps the name the requests carry")
                .isEqualTo(doctor.view().fullName());
        assertThat(rolled.inWork()).isEqualTo(1);
        assertThat(rolled.taken()).isEqualTo(1);
        assertThat(rolled.meanMinutesToTake()).isEqualTo(-10.0);
        assertThat(rolled.overdue()).isEqualTo(1);
        assertThat(rolled.missed()).isEqualTo(1);
        assertThat(rolled.fresh()).isZero();
    }
}
