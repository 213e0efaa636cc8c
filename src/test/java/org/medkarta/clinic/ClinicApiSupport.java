package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.PatientRegistration;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;

/** Clinic API tests: staff and patients with tokens, clinics with valid legal numbers. */
abstract class ClinicApiSupport extends ApiSupport {

    static final String PASSWORD = "Clinic-test-1";
    static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

    @Autowired
    protected DevOutbox outbox;

    @Autowired
    protected IdentityFacades identity;

    /** A bearer token for staff signing in with a password. */
    String tokenOf(String email, String password) {
        return identity.tokens()
                .tokensFor(identity.signIn()
                        .signInWithPassword(email, password, null, CLIENT, "http://localhost", Locale.ENGLISH))
                .accessToken();
    }

    String platformAdmin() {
        return tokenOf("admin@demo.medkarta.org", "Demo-admin-1");
    }

    /** Sets the password of an invited person through the link in their invitation e-mail. */
    void acceptInvitation(String email) {
        String link = Outbox.latestLink(outbox, email);
        identity.staff().setPassword(link.substring(link.indexOf("token=") + 6), PASSWORD);
    }

    /** A fresh e-mail address. */
    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
    }

    /** A registered patient signed in by SMS code: their bearer token. */
    String patient() {
        String phone = Phones.unique();
        identity.registration()
                .register(
                        new PatientRegistration(
                                "Пациентова",
                                "Мария",
                                "Ивановна",
                                phone,
                                "1980-01-02",
                                email("patient"),
                                identity.registration().termsVersion()),
                        CLIENT,
                        "http://localhost",
                        Locale.ENGLISH);
        identity.signIn().requestCode(phone, CLIENT, Locale.ENGLISH);
        return identity.tokens()
                .tokensFor(identity.signIn().signInWithCode(phone, Outbox.latestCode(outbox, phone), CLIENT))
                .accessToken();
    }

    /** Registers a clinic as the platform administrator with a new administrator; returns [clinicId, adminToken]. */
    String[] clinicWithAdmin(String name) {
        String adminEmail = email("admin");
        var created = postAs(
                platformAdmin(),
                "/api/v1/clinics",
                clinicBody(
                        name,
                        validInn(),
                        validOgrn(),
                        List.of(map("email", adminEmail, "lastName", "Админова", "firstName", "Ольга"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        acceptInvitation(adminEmail);
        return new String[] {body(created).get("id").asString(), tokenOf(adminEmail, PASSWORD)};
    }

    static Map<String, Object> clinicBody(String name, String inn, String ogrn, List<?> administrators) {
        var body = map(
                "name", name,
                "inn", inn,
                "ogrn", ogrn,
                "licenseNumber", "Л041-01137-77/00368415",
                "licenseDate", "2020-05-17",
                "region", "77",
                "address", "Москва, ул. Тверская, 1",
                "timezone", "Europe/Moscow",
                "phone", "+7 495 123-45-67",
                "email", "info@clinic.example.ru");
        body.put("administrators", administrators);
        return body;
    }

    HttpResponse<String> postAs(String token, String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + token);
    }

    HttpResponse<String> putBytes(String token, String path, byte[] content) {
        return send(request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random INN of an organisation with a correct check digit. */
    static String validInn() {
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        var digits = new StringBuilder("77");
        while (digits.length() < 9) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return digits.append(sum % 11 % 10).toString();
    }

    /** A random OGRN with a correct check digit. */
    static String validOgrn() {
        long first = 102770000000L + ThreadLocalRandom.current().nextLong(1_000_000L);
        return first + String.valueOf(first % 11 % 10);
    }

    /** Changes the last digit, which breaks the checksum. */
    static String broken(String number) {
        char last = number.charAt(number.length() - 1);
        return number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    // The smallest valid PNG: the signature and an IHDR chunk are enough for detection by content.
    static final byte[] PNG = java.util.HexFormat.of()
            .parseHex(
                    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");

    java.net.http.HttpResponse<String> getBytesJson(String path) {
        return get(path);
    }

    static Map<String, Object> doctorBody(String email, String specialty) {
        var body = map(
                "lastName", "Сердечная",
                "firstName", "Анна",
                "patronymic", "Павловна",
                "specialties", List.of(specialty),
                "position", "Врач-кардиолог",
                "experienceYears", 12);
        if (email != null) {
            body.put("email", email);
        }
        return body;
    }

    static Map<String, Object> serviceBody(String doctorId, String visibility) {
        return map(
                "name",
                "Первичная видеоконсультация",
                "specialty",
                "therapist",
                "format",
                "VIDEO",
                "kind",
                "PRIMARY",
                "durationMinutes",
                30,
                "priceKopecks",
                150000,
                "doctorIds",
                List.of(doctorId),
                "visibility",
                visibility);
    }
}
