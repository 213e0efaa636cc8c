package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Clinics near me (SPEC B9, issue 20): clinics by haversine distance within a radius, a clear 400
 * naming each bad parameter, positions in the clinic profile checked, and the searcher's position
 * found neither in the log nor anywhere in the database afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
class NearbyClinicsIT extends ClinicApiSupport {

    @Autowired
    JdbcClient jdbc;

    /** A point in the Siberian taiga far from every other test's clinics, new for each test. */
    private static double[] somewhereRemote() {
        var random = ThreadLocalRandom.current();
        return new double[] {60 + random.nextDouble(8), 100 + random.nextDouble(30)};
    }

    private String clinicAt(String admin, String name, double latitude, double longitude) {
        var body = clinicBody(name, validInn(), validOgrn(), List.of());
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        var created = postAs(admin, "/api/v1/clinics", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(body(created).get("latitude").asDouble()).isEqualTo(latitude);
        return body(created).get("id").asString();
    }

    /** The point {@code km} kilometres north of {@code from}. */
    private static double north(double[] from, double km) {
        return from[0] + Math.toDegrees(km / 6371.0088);
    }

    @Test
    void clinicsWithinTheRadiusComeNearestFirstWithTheirDistance() {
        String admin = platformAdmin();
        double[] here = somewhereRemote();
        String far = clinicAt(admin, "Дальняя", north(here, 20), here[1]);
        String near = clinicAt(admin, "Ближняя", north(here, 0.5), here[1]);
        String middle = clinicAt(admin, "Средняя", north(here, 3), here[1]);

        var withinTen = get("/api/v1/catalogue/clinics/near?lat=" + here[0] + "&lon=" + here[1] + "&radiusKm=10");
        var byDefault = get("/api/v1/catalogue/clinics/near?lat=" + here[0] + "&lon=" + here[1]);
        var withinThirty = get("/api/v1/catalogue/clinics/near?lat=" + here[0] + "&lon=" + here[1] + "&radiusKm=30");

        assertThat(withinTen.statusCode()).as(withinTen.body()).isEqualTo(200);
        assertThat(ids(withinTen)).containsExactly(near, middle);
        assertThat(body(withinTen).get(0).get("distanceKm").asDouble()).isCloseTo(0.5, within(0.01));
        assertThat(body(withinTen).get(1).get("distanceKm").asDouble()).isCloseTo(3, within(0.01));
        assertThat(body(withinTen).get(0).get("clinic").get("name").asString()).isEqualTo("Ближняя");
        assertThat(ids(byDefault)).containsExactly(near, middle);
        assertThat(ids(withinThirty)).containsExactly(near, middle, far);
    }

    @Test
    void aClinicMovedOnTheMapIsFoundAtItsNewPlaceAndOneWithoutAPositionNowhere() {
        String admin = platformAdmin();
        double[] here = somewhereRemote();
        String moved = clinicAt(admin, "Переехавшая", north(here, 50), here[1]);
        var body = clinicBody("Переехавшая", validInn(), validOgrn(), List.of());
        body.put("latitude", north(here, 1));
        body.put("longitude", here[1]);
        var updated = putAs(admin, "/api/v1/clinics/" + moved, body);
        var unplaced = postAs(admin, "/api/v1/clinics", clinicBody("Без места", validInn(), validOgrn(), List.of()));

        var found = get("/api/v1/catalogue/clinics/near?lat=" + here[0] + "&lon=" + here[1] + "&radiusKm=5");

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(unplaced.statusCode()).isEqualTo(201);
        assertThat(body(unplaced).get("latitude").isNull()).isTrue();
        assertThat(ids(found)).containsExactly(moved);
    }

    @Test
    void aMissingOrUnreadableParameterIsA400NamingIt() {
        record Case(String query, String parameter) {}
        var cases = List.of(
                new Case("lon=37.6", "lat"),
                new Case("lat=55.7", "lon"),
                new Case("lat=abc&lon=37.6", "lat"),
                new Case("lat=55.7&lon=1e400", "lon"),
                new Case("lat=91&lon=37.6", "lat"),
                new Case("lat=55.7&lon=-180.5", "lon"),
                new Case("lat=55.7&lon=37.6&radiusKm=0", "radiusKm"),
                new Case("lat=55.7&lon=37.6&radiusKm=101", "radiusKm"),
                new Case("lat=55.7&lon=37.6&radiusKm=NaN", "radiusKm"));
        for (var c : cases) {
            var response = get("/api/v1/catalogue/clinics/near?" + c.query(), "Accept", "application/json");
            assertThat(response.statusCode()).as(c.query()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(problem(response)).isEqualTo("malformed-request");
            assertThat(body(response).get("parameter").asString()).as(c.query()).isEqualTo(c.parameter());
            assertThat(body(response).get("detail").asString()).contains(c.parameter());
        }
        var russian = get("/api/v1/catalogue/clinics/near?lon=37.6");
        var english = get("/api/v1/catalogue/clinics/near?lon=37.6", "Accept-Language", "en");
        assertThat(body(russian).get("detail").asString()).isEqualTo("Не указан параметр lat.");
        assertThat(body(english).get("detail").asString()).isEqualTo("The parameter lat is missing.");
    }

    @Test
    void theProfileTakesAPositionOnlyWithinRangeAndWhole() {
        String admin = platformAdmin();
        var tooFarNorth = clinicBody("Клиника", validInn(), validOgrn(), List.of());
        tooFarNorth.put("latitude", 95.0);
        tooFarNorth.put("longitude", 37.6);
        var halfAPosition = clinicBody("Клиника", validInn(), validOgrn(), List.of());
        halfAPosition.put("latitude", 55.7);
        var badLongitude = clinicBody("Клиника", validInn(), validOgrn(), List.of());
        badLongitude.put("latitude", 55.7);
        badLongitude.put("longitude", 181.0);

        var refusedNorth = postAs(admin, "/api/v1/clinics", tooFarNorth);
        var refusedHalf = postAs(admin, "/api/v1/clinics", halfAPosition);
        var refusedLongitude = postAs(admin, "/api/v1/clinics", badLongitude);

        assertThat(refusedNorth.statusCode()).isEqualTo(422);
        assertThat(body(refusedNorth).get("field").asString()).isEqualTo("latitude");
        assertThat(refusedHalf.statusCode()).isEqualTo(422);
        assertThat(body(refusedHalf).get("field").asString()).isEqualTo("longitude");
        assertThat(body(refusedLongitude).get("field").asString()).isEqualTo("longitude");
    }

    @Test
    void theSearchersPositionIsFoundNeitherInTheLogNorInTheDatabase(CapturedOutput output) {
        String admin = platformAdmin();
        double[] here = somewhereRemote();
        clinicAt(admin, "Рядом", north(here, 1), here[1]);
        // Digits that nothing else in the database or the log holds: nine of them, since six were once
        // found inside a random id in the suite's shared database.
        String latitude = String.format(java.util.Locale.ROOT, "%.4f", here[0]) + "864219357";
        String longitude = String.format(java.util.Locale.ROOT, "%.4f", here[1]) + "531975246";

        var api = get("/api/v1/catalogue/clinics/near?lat=" + latitude + "&lon=" + longitude + "&radiusKm=5");
        var page = get("/clinics/near/list?lat=" + latitude + "&lon=" + longitude + "&radiusKm=5");
        var refused = get("/api/v1/catalogue/clinics/near?lat=" + latitude + "&lon=" + longitude + "&radiusKm=500");

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(body(api)).hasSize(1);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Рядом");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(output.getAll()).doesNotContain("864219357").doesNotContain("531975246");
        assertThat(databaseText()).doesNotContain("864219357").doesNotContain("531975246");
    }

    /** Every value of every row of every table of the app's schema, as text. */
    private String databaseText() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')")
                .query(String.class)
                .list();
        assertThat(tables.stream().anyMatch(table -> table.equalsIgnoreCase("clinic")))
                .isTrue();
        var text = new StringBuilder();
        var rows = new ArrayList<Map<String, Object>>();
        for (String table : tables) {
            rows.clear();
            rows.addAll(jdbc.sql("SELECT * FROM \"" + table + "\"").query().listOfRows());
            for (var row : rows) {
                for (Object value : row.values()) {
                    text.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : value)
                            .append('\n');
                }
            }
        }
        return text.toString();
    }

    private List<String> ids(java.net.http.HttpResponse<String> response) {
        var ids = new ArrayList<String>();
        for (JsonNode item : body(response)) {
            ids.add(item.get("clinic").get("id").asString());
        }
        return ids;
    }
}
