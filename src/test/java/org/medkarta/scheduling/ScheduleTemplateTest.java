package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;

class ScheduleTemplateTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static ScheduleTemplate template(String first, String last, int minutes, List<String> days, List<String> breaks) {
        return ScheduleTemplate.of(
                UUID.randomUUID(),
                new DoctorId(UUID.randomUUID()),
                new ClinicId(UUID.randomUUID()),
                new TemplateForm(
                        "Утро",
                        "2027-03-01",
                        "2027-04-30",
                        days,
                        first,
                        last,
                        minutes,
                        breaks,
                        List.of(UUID.randomUUID().toString())),
                true);
    }

    @Test
    void slotsSkipBreaksAndEndAtTheLastStart() {
        var template = template("09:00", "12:00", 60, List.of("MONDAY"), List.of("10:30-11:00"));
        var day = LocalDate.of(2027, 3, 1);
        assertThat(template.plan(day, day, BERLIN))
                .extracting(ScheduleTemplate.Planned::start)
                .containsExactly(
                        Instant.parse("2027-03-01T08:00:00Z"),
                        Instant.parse("2027-03-01T10:00:00Z"),
                        Instant.parse("2027-03-01T11:00:00Z"));
    }

    @Test
    void theHourSkippedInSpringGivesNoSlot() {
        var template = template("01:30", "03:00", 30, List.of("7"), List.of());
        var day = LocalDate.of(2027, 3, 28);
        assertThat(template.plan(day, day, BERLIN))
                .extracting(ScheduleTemplate.Planned::start)
                .containsExactly(Instant.parse("2027-03-28T00:30:00Z"), Instant.parse("2027-03-28T01:00:00Z"));
    }

    @Test
    void overlapNeedsCommonDatesWeekdaysAndHours() {
        var morning = template("09:00", "11:30", 30, List.of("MON", "TUE"), List.of());
        assertThat(morning.overlaps(template("11:30", "13:00", 30, List.of("TUE"), List.of())))
                .isTrue();
        assertThat(morning.overlaps(template("12:00", "13:00", 30, List.of("TUE"), List.of())))
                .isFalse();
        assertThat(morning.overlaps(template("09:00", "13:00", 30, List.of("WED"), List.of())))
                .isFalse();
    }

    @Test
    void slotLengthIsAMultipleOfFiveMinutes() {
        assertThatThrownBy(() -> template("09:00", "12:00", 17, List.of("MON"), List.of()))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("slotMinutes"));
    }

    @Test
    void demoFormIsValid() {
        var form = new TemplateForm(
                "Основной график",
                "2026-11-21",
                "2028-11-21",
                List.of("1", "2", "3", "4", "5", "6", "7"),
                "09:00",
                "17:30",
                30,
                List.of("13:00-14:00"),
                List.of(UUID.randomUUID().toString()));
        try {
            ScheduleTemplate.of(
                    UUID.randomUUID(), new DoctorId(UUID.randomUUID()), new ClinicId(UUID.randomUUID()), form, false);
        } catch (InvalidInput invalid) {
            throw new AssertionError(invalid.errors().toString());
        }
    }
}
