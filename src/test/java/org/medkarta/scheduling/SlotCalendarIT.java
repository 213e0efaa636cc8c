package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The booking calendar's days (issue 13, item 6): {@code GET /api/v1/slots/days} counts what {@code /slots} offers. */
class SlotCalendarIT extends SchedulingSupport {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    /** {@code /slots/days} as a map of date to free slots, failing on any status but 200. */
    private Map<LocalDate, Integer> days(String token, String query) {
        var found = getAs(token, "/api/v1/slots/days?" + query);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        var days = new TreeMap<LocalDate, Integer>();
        body(found)
                .forEach(day -> days.put(
                        LocalDate.parse(day.get("date").asString()),
                        day.get("freeSlots").asInt()));
        return days;
    }

    /** Distinct free slots per Moscow day that {@code /slots} lists over the same days. */
    private Map<LocalDate, Integer> countedFromSlots(String token, String filter, LocalDate from, LocalDate to) {
        var found = getAs(
                token, "/api/v1/slots?" + filter + "&size=500&from=" + offset(from) + "&to=" + offset(to.plusDays(1)));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        var ids = new TreeMap<LocalDate, Set<String>>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            ids.put(day, new HashSet<>());
        }
        body(found)
                .forEach(slot -> ids.get(Instant.parse(slot.get("start").asString())
                                .atZone(MOSCOW)
                                .toLocalDate())
                        .add(slot.get("id").asString()));
        var counts = new TreeMap<LocalDate, Integer>();
        ids.forEach((day, set) -> counts.put(day, set.size()));
        return counts;
    }

    private static String offset(LocalDate day) {
        return URLEncoder.encode(day.atStartOfDay(MOSCOW).toOffsetDateTime().toString(), StandardCharsets.UTF_8);
    }

    @Test
    void eachDayCountsTheFreeSlotsThatSlotsListsAndABookedSlotNoLonger() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "gastroenterologist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        LocalDate today = LocalDate.now(MOSCOW);
        LocalDate to = today.plusDays(6);
        String filter = "doctorId=" + doctor.id();

        var days = days(patient.token(), filter + "&from=" + today + "&to=" + to);
        assertThat(days.keySet())
                .containsExactlyElementsOf(today.datesUntil(to.plusDays(1)).toList());
        assertThat(days).isEqualTo(countedFromSlots(patient.token(), filter, today, to));
        LocalDate later = today.plusDays(2);
        assertThat(days.get(later)).isEqualTo(4);

        var onThatDay = freeSlots(patient.token(), doctor).stream()
                .filter(slot -> Instant.parse(slot.get("start").asString())
                        .atZone(MOSCOW)
                        .toLocalDate()
                        .equals(later))
                .findFirst()
                .orElseThrow();
        var booked = book(patient, onThatDay.get("id").asString(), true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        var after = days(patient.token(), filter + "&from=" + today + "&to=" + to);
        assertThat(after.get(later)).isEqualTo(3);
        assertThat(after).isEqualTo(countedFromSlots(patient.token(), filter, today, to));
    }

    @Test
    void aSpecialtyCountsEveryVisibleDoctorAndServicesOnlyForTheAttachedAreNotCounted() {
        var clinic = clinic("Europe/Moscow");
        var open = doctor(clinic, "rheumatologist", "REGION");
        var closed = doctor(clinic, "rheumatologist", "ATTACHED");
        var patient = patient();
        activeTemplate(clinic, open, "09:00", "10:30");
        activeTemplate(clinic, closed, "12:00", "13:30");
        LocalDate from = LocalDate.now(MOSCOW).plusDays(1);
        LocalDate to = from.plusDays(3);

        var bySpecialty = days(patient.token(), "specialty=rheumatologist&from=" + from + "&to=" + to);
        assertThat(bySpecialty).isEqualTo(countedFromSlots(patient.token(), "specialty=rheumatologist", from, to));
        assertThat(bySpecialty.values()).containsOnly(4);
        assertThat(days(patient.token(), "doctorId=" + closed.id() + "&from=" + from + "&to=" + to)
                        .values())
                .containsOnly(0);
        // The doctor sees every service of their own: the attached-only one counts for them.
        assertThat(days(closed.token(), "doctorId=" + closed.id() + "&from=" + from + "&to=" + to)
                        .values())
                .containsOnly(4);
    }

    @Test
    void aWrongDateOrRangeIsRefusedNamingTheFieldAndNoDatesMeanTwoWeeksFromToday() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        String base = "/api/v1/slots/days?doctorId=" + doctor.id();
        LocalDate today = LocalDate.now(MOSCOW);
        var cases = Map.of(
                "&from=2026-13-01",
                "from",
                "&from=" + today + "&to=tomorrow",
                "to",
                "&from=" + today + "&to=" + today.minusDays(1),
                "to",
                "&from=" + today + "&to=" + today.plusDays(92),
                "to");
        cases.forEach((query, field) -> {
            var refused = getAs(patient.token(), base + query);
            assertThat(refused.statusCode()).as(query + " " + refused.body()).isEqualTo(422);
            assertThat(body(refused).get("errors").findValuesAsString("field"))
                    .as(query)
                    .containsExactly(field);
        });
        assertThat(days(patient.token(), "doctorId=" + doctor.id() + "&from=" + today + "&to=" + today.plusDays(91)))
                .hasSize(92);
        // Without dates: two weeks from today.
        assertThat(days(patient.token(), "doctorId=" + doctor.id()).keySet())
                .containsExactlyElementsOf(today.datesUntil(today.plusDays(SlotSearch.CALENDAR_DAYS))
                        .toList());
    }
}
