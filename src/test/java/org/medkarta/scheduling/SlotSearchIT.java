package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.TestStaff;

/**
 * {@link SlotSearch} (SPEC C3, B5): free slots nearest first, paged, within each clinic's booking
 * horizon; the booking calendar's days (issue 13, item 6), where {@code GET /api/v1/slots/days}
 * counts what {@code /slots} offers; and who is offered a doctor (issue 23): a service visible to
 * the region is offered to the region's patients (every region's while a patient has not said where
 * they live), one visible to attached patients only to the clinic's attached patients; search and
 * booking agree.
 */
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

    @Test
    void aRegionsServicesAreOfferedToItsPatientsAndToThoseWhoHaveNotSaidWhereTheyLive() {
        var moscow = clinic("Europe/Moscow");
        var podmoskovye = clinic("Europe/Moscow");
        jdbc.sql("UPDATE clinic SET region = '50' WHERE id = :id")
                .param("id", podmoskovye.id().value())
                .update();
        var here = doctor(moscow, "therapist", "REGION");
        var there = doctor(podmoskovye, "therapist", "REGION");
        activeTemplate(moscow, here, "09:00", "10:30");
        activeTemplate(podmoskovye, there, "09:00", "10:30");
        var patient = patient();

        // Not said yet: both regions' doctors are offered.
        assertThat(freeSlots(patient.token(), here)).isNotEmpty();
        var elsewhere = freeSlots(patient.token(), there);
        assertThat(elsewhere).isNotEmpty();

        String path = "/api/v1/patients/" + patient.account().patientId().value() + "/region";
        var wrong = postAs(patient.token(), path, map("region", "7A"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(body(wrong).get("field").asString()).isEqualTo("region");
        var set = postAs(patient.token(), path, map("region", "77"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(body(set).get("region").asString()).isEqualTo("77");
        assertThat(postAs(patient().token(), path, map("region", "50")).statusCode())
                .isEqualTo(404);

        // A Moscow patient: the Moscow doctor only, in search and in booking.
        assertThat(freeSlots(patient.token(), here)).isNotEmpty();
        assertThat(freeSlots(patient.token(), there)).isEmpty();
        var refused = book(patient, elsewhere.get(0).get("id").asString(), true);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problem(refused)).isEqualTo("not-visible");
        var booked =
                book(patient, freeSlots(patient.token(), here).get(0).get("id").asString(), true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        // Moving to the Moscow region's neighbour turns it round; forgetting the region offers both.
        postAs(patient.token(), path, map("region", "50"));
        assertThat(freeSlots(patient.token(), here)).isEmpty();
        assertThat(freeSlots(patient.token(), there)).isNotEmpty();
        postAs(patient.token(), path, map("region", ""));
        assertThat(freeSlots(patient.token(), here)).isNotEmpty();
        var contacts = body(getAs(
                patient.token(),
                "/api/v1/patients/" + patient.account().patientId().value() + "/contacts"));
        assertThat(contacts.get("changes")
                        .valueStream()
                        .filter(change -> change.get("field").asString().equals("REGION"))
                        .count())
                .isEqualTo(3);
        // Staff see every doctor whatever the region.
        assertThat(freeSlots(here.token(), there)).isNotEmpty();
    }

    @Test
    void anAttachedOnlyServiceIsOfferedOnceTheClinicConfirmsTheAttachment() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "ATTACHED");
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var patient = patient();
        var admin = identity.tokens()
                .tokensFor(TestStaff.administrator(identity, clinics, clinic.id()))
                .accessToken();
        var slotsForStaff = freeSlots(doctor.token(), doctor);
        assertThat(slotsForStaff).isNotEmpty();

        assertThat(freeSlots(patient.token(), doctor)).isEmpty();
        var refused = book(patient, slotsForStaff.get(0).get("id").asString(), true);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problem(refused)).isEqualTo("not-visible");

        var request = postAs(
                patient.token(), "/api/v1/clinics/" + clinic.id().value() + "/attachments", Map.of("kind", "GENERAL"));
        assertThat(request.statusCode()).as(request.body()).isEqualTo(201);
        // Asked is not attached: still not offered.
        assertThat(freeSlots(patient.token(), doctor)).isEmpty();
        var confirmed =
                postAs(admin, "/api/v1/attachments/" + body(request).get("id").asString() + "/confirm", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        var offered = freeSlots(patient.token(), doctor);
        assertThat(offered).isNotEmpty();
        var booked = book(patient, offered.get(0).get("id").asString(), true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        // Another patient, not attached, is still not offered the doctor.
        assertThat(freeSlots(patient().token(), doctor)).isEmpty();
    }
}
