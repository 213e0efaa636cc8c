package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link CalendarFiles}: an appointment as an .ics file and the private calendar feed (SPEC C7). */
class CalendarFilesIT extends SchedulingSupport {

    @Autowired
    Notifications notifications;

    @Autowired
    org.medkarta.notification.DevOutbox outbox;

    @Test
    void linksInTheNoticesTheIcsFileAndTheFeedPointToThePortTheAppListensOn() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        String slot = freeSlots(patient.token(), doctor).get(0).get("id").asString();
        String appointment = body(book(patient, slot, true)).get("id").asString();
        String base = "http://localhost:" + port;
        assertThat(port).isNotEqualTo(8080);

        assertThat(notifications.notices(patient.account().userId()))
                .anySatisfy(notice -> assertThat(notice.link()).isEqualTo(base + "/appointments"));
        assertThat(org.medkarta.testing.Outbox.to(outbox, patient.phone(), 2))
                .filteredOn(sms -> sms.body().contains("/appointments"))
                .isNotEmpty()
                .allSatisfy(sms -> assertThat(sms.body()).contains(base + "/appointments"));
        var ics = get("/api/v1/appointments/" + appointment + "/ics", "Authorization", "Bearer " + patient.token());
        assertThat(ics.body()).contains("DESCRIPTION:" + base + "/appointments").doesNotContain("localhost:8080");
        assertThat(body(getAs(patient.token(), "/api/v1/calendar-feed"))
                        .get("url")
                        .asString())
                .startsWith(base + "/calendar/");
    }

    @Test
    void anAppointmentIsAnIcsFileInUtcAndThePrivateFeedCanBeRevoked() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "10:00", "10:30");
        var slot = freeSlots(patient.token(), doctor).get(0);
        String appointment =
                body(book(patient, slot.get("id").asString(), true)).get("id").asString();
        Instant start = Instant.parse(slot.get("start").asString());
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(start);

        var ics = get("/api/v1/appointments/" + appointment + "/ics", "Authorization", "Bearer " + patient.token());
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ics.body()).contains("BEGIN:VEVENT", "DTSTART:" + utc, "UID:" + appointment);
        assertThat(start.atZone(clinic.zone()).getHour()).isEqualTo(10);

        String url =
                body(getAs(patient.token(), "/api/v1/calendar-feed")).get("url").asString();
        String path = url.substring(url.indexOf("/calendar/"));
        var feed = get(path);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("UID:" + appointment);

        String renewed = body(postAs(patient.token(), "/api/v1/calendar-feed/renew", map()))
                .get("url")
                .asString();
        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(get(renewed.substring(renewed.indexOf("/calendar/"))).statusCode())
                .isEqualTo(200);
    }
}
