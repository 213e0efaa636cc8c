package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medkarta.reliability.ApiClient.expect;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.medkarta.reliability.CrashIT.Cluster;
import org.medkarta.reliability.CrashIT.Offer;
import org.medkarta.reliability.CrashIT.Patient;
import org.medkarta.reliability.CrashIT.Room;
import org.medkarta.reliability.CrashIT.SmsProvider;
import org.medkarta.testing.Phones;
import tools.jackson.databind.JsonNode;

/**
 * What the reliability tests do through the JSON API of an app they run as separate processes (one
 * node, or several behind a proxy): a patient signs up and in with the code the SMS provider
 * received, staff sign in by password, a patient books a chat slot starting soon and the doctor
 * takes the consultation into work; and what they read back from the app's own database afterwards.
 */
final class Journey {

    private final ApiClient api;
    private final SmsProvider sms;

    Journey(ApiClient api, SmsProvider sms) {
        this.api = api;
        this.sms = sms;
    }

    HttpResponse<String> post(String token, String path, Object body) throws IOException {
        return api.post(token, path, body);
    }

    HttpResponse<String> get(String token, String path) throws IOException {
        return api.get(token, path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return CrashIT.JSON.readTree(response.body());
    }

    /** A new patient, registered and signed in by the code sent to a new phone. */
    Patient patient(String lastName, String firstName, String birthDate) throws IOException {
        String phone = Phones.unique();
        expect(
                201,
                post(
                        null,
                        "/api/v1/patients/register",
                        Map.of(
                                "lastName", lastName,
                                "firstName", firstName,
                                "phone", phone,
                                "birthDate", birthDate,
                                "email", "reliability-" + UUID.randomUUID() + "@example.org",
                                "termsVersion", "2026-11-01")));
        int before = sms.to(phone).size();
        expect(202, post(null, "/api/v1/auth/otp", Map.of("phone", phone)));
        String text = sms.await(phone, before + 1, Duration.ofSeconds(30));
        var code = CrashIT.CODE.matcher(text);
        assertThat(code.find()).as(text).isTrue();
        String token = json(expect(
                        200, post(null, "/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code.group(1)))))
                .get("accessToken")
                .asString();
        String patientId =
                json(expect(200, get(token, "/api/v1/me"))).get("patientId").asString();
        return new Patient(phone, patientId, token);
    }

    /** The access token of a member of staff signed in by password. */
    String staff(String email, String password) throws IOException {
        return json(expect(200, post(null, "/api/v1/auth/login", Map.of("email", email, "password", password))))
                .get("accessToken")
                .asString();
    }

    /**
     * Up to {@code atMost} chat slots starting within 12 minutes, so the doctor may take them into
     * work at once (from 15 minutes before the start, seed 004): free template slots starting that
     * soon, and 5-minute slots the doctor adds in the gap before the next template slot (outside
     * working hours the whole window is a gap). Inside working hours the demo template's 30-minute
     * slots leave no gap most of the time (a slot of 17:00 covers 17:05), so a free template slot
     * under the time the doctor adds is taken off the day first, straight in the database (a
     * fixture, as a clinic would close its own slot), and the test does not depend on the hour.
     */
    List<Offer> chatSlotsStartingSoon(
            Cluster cluster, String doctorToken, String doctorId, String service, String patientToken, int atMost)
            throws IOException, SQLException {
        Instant now = Instant.now();
        Instant latest = now.plus(Duration.ofMinutes(12));
        var found = new ArrayList<Offer>();
        var soon = json(expect(
                200,
                get(
                        patientToken,
                        "/api/v1/slots?doctorId=" + doctorId + "&format=CHAT&from=" + now.plus(Duration.ofMinutes(1))
                                + "&to=" + latest)));
        for (JsonNode slot : soon) {
            if (slot.get("format").asString().equals("CHAT")
                    && OffsetDateTime.parse(slot.get("start").asString())
                            .toInstant()
                            .isBefore(latest)
                    && found.size() < atMost) {
                found.add(new Offer(
                        slot.get("id").asString(), slot.get("serviceId").asString()));
            }
        }
        Instant start = now.plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES);
        start = start.plusSeconds((300 - start.getEpochSecond() % 300) % 300);
        for (; !start.isAfter(latest) && found.size() < atMost; start = start.plus(Duration.ofMinutes(5))) {
            var added = post(
                    doctorToken,
                    "/api/v1/doctors/" + doctorId + "/slots",
                    Map.of("start", start.toString(), "minutes", 5, "serviceIds", List.of(service)));
            if (added.statusCode() == 409
                    && freeSlotsRemoved(cluster, doctorId, start, start.plus(Duration.ofMinutes(5)))) {
                added = post(
                        doctorToken,
                        "/api/v1/doctors/" + doctorId + "/slots",
                        Map.of("start", start.toString(), "minutes", 5, "serviceIds", List.of(service)));
            }
            if (added.statusCode() == 201) {
                found.add(new Offer(json(added).get("id").asString(), service));
            }
        }
        return found;
    }

    /** Removes the doctor's free slots, booked by nobody ever, that overlap the interval. */
    private static boolean freeSlotsRemoved(Cluster cluster, String doctorId, Instant start, Instant end)
            throws SQLException {
        try (var db = cluster.connect("medkarta");
                var delete = db.prepareStatement("DELETE FROM scheduling_slot s WHERE s.doctor_id = ?"
                        + " AND s.status = 'FREE' AND s.starts_at < ? AND s.ends_at > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM scheduling_appointment a WHERE a.slot_id = s.id)")) {
            delete.setObject(1, UUID.fromString(doctorId));
            delete.setObject(2, start.atOffset(java.time.ZoneOffset.UTC));
            delete.setObject(3, end.atOffset(java.time.ZoneOffset.UTC));
            return delete.executeUpdate() > 0;
        }
    }

    /** A chat room: the patient books the chat slot, the doctor takes the consultation into work. */
    Room room(String doctorToken, Offer slot, Patient patient) throws IOException {
        var booked = expect(
                201,
                post(
                        patient.token(),
                        "/api/v1/appointments",
                        Map.of("slotId", slot.slotId(), "serviceId", slot.serviceId(), "acceptClinicDocuments", true)));
        String consultation = json(booked).get("consultationId").asString();
        expect(200, post(doctorToken, "/api/v1/consultations/" + consultation + "/take", Map.of()));
        return new Room(consultation, patient.token());
    }

    // ------------------------------------------------------------------ the database afterwards

    static int count(Connection db, String sql) throws SQLException {
        try (var query = db.createStatement();
                var rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Which of the ids are rows of the table. */
    static Set<String> present(Connection db, String table, Collection<String> ids) throws SQLException {
        var found = new HashSet<String>();
        try (var query = db.prepareStatement("SELECT id FROM " + table + " WHERE id = ANY (?)")) {
            query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    /** Which of the ids are no rows of the table, in order. */
    static List<String> absent(Connection db, String table, Collection<String> ids) throws SQLException {
        var found = present(db, table, ids);
        return ids.stream().filter(id -> !found.contains(id)).sorted().toList();
    }

    /** Waits until the outbox sent every SMS (or the time is up; the checks then see what was not). */
    static void awaitOutboxDrained(Cluster cluster, Duration within) throws SQLException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            try (var db = cluster.connect("medkarta")) {
                if (count(db, "SELECT count(*) FROM notification_outbox WHERE channel = 'SMS' AND status <> 'SENT'")
                        == 0) {
                    return;
                }
            }
            CrashIT.pauseMillis(500);
        }
    }
}
