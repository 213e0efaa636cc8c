package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Self-monitoring diaries (SPEC E8): plausible values, thresholds and the doctor's alerts. */
class DiaryIT extends RecordSupport {

    private HttpResponse<String> add(Person patient, Map<String, Object> reading) {
        return postAs(patient.token(), "/api/v1/patients/" + patient.id() + "/diary", reading);
    }

    private List<String> fields(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        return body(refused)
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    @Test
    void implausibleReadingsAreRefusedBesideTheirFields() {
        var patient = patient();
        assertThat(fields(add(patient, map("measure", "BLOOD_PRESSURE", "systolic", "400", "diastolic", "80"))))
                .containsExactly("systolic");
        assertThat(fields(add(patient, map("measure", "BLOOD_PRESSURE", "systolic", "120", "diastolic", "130"))))
                .containsExactly("diastolic");
        assertThat(fields(add(patient, map("measure", "TEMPERATURE", "value", "50"))))
                .containsExactly("value");
        assertThat(fields(add(patient, map("measure", "SPO2", "value", "101")))).containsExactly("value");
        assertThat(fields(add(patient, map("measure", "GLUCOSE", "value", "сахар"))))
                .containsExactly("value");
        assertThat(fields(add(patient, map("measure", "WEIGHT", "value", "80", "unit", "lb"))))
                .containsExactly("unit");
        assertThat(fields(add(
                        patient, map("measure", "PULSE", "value", "70", "measuredAt", "2099-01-01T10:00:00+03:00"))))
                .containsExactly("measuredAt");
        assertThat(fields(add(patient, map("measure", "CUSTOM", "value", "3")))).containsExactly("name", "unit");
        assertThat(fields(add(patient, map("measure", "MOOD", "value", "3")))).containsExactly("measure");

        var ok = add(patient, map("measure", "TEMPERATURE", "value", "36,6"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(body(ok).get("unit").asString()).isEqualTo("°C");
        var custom = add(patient, map("measure", "CUSTOM", "name", "Пикфлоуметрия", "unit", "л/мин", "value", "420"));
        assertThat(custom.statusCode()).isEqualTo(201);
        var readings = body(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/diary?measure=CUSTOM"));
        assertThat(readings.get(0).get("name").asString()).isEqualTo("Пикфлоуметрия");
    }

    @Test
    void aReadingBeyondTheDoctorsThresholdPutsAnAlertOnTheirDesk() {
        var patient = patient();
        var doctor = doctor(patient);
        var otherDoctor = doctor();
        String thresholds = "/api/v1/patients/" + patient.id() + "/diary/thresholds";
        var badThreshold =
                postAs(doctor.token(), thresholds, map("measure", "BLOOD_PRESSURE", "low", "150", "high", "140"));
        assertThat(fields(badThreshold)).containsExactly("high");
        assertThat(postAs(patient.token(), thresholds, map("measure", "BLOOD_PRESSURE", "high", "200"))
                        .statusCode())
                .isIn(403, 404);
        assertThat(postAs(otherDoctor.token(), thresholds, map("measure", "BLOOD_PRESSURE", "high", "200"))
                        .statusCode())
                .isEqualTo(404);
        var set = postAs(doctor.token(), thresholds, map("measure", "BLOOD_PRESSURE", "high", "140", "high2", "90"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        assertThat(add(patient, map("measure", "BLOOD_PRESSURE", "systolic", "130", "diastolic", "85"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(body(getAs(doctor.token(), "/api/v1/diary-alerts"))).isEmpty();

        assertThat(add(patient, map("measure", "BLOOD_PRESSURE", "systolic", "150", "diastolic", "95"))
                        .statusCode())
                .isEqualTo(201);
        var alerts = body(getAs(doctor.token(), "/api/v1/diary-alerts"));
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("detail").asString()).contains("150/95", "140", "90");
        assertThat(alerts.get(0).get("patientId").asString()).isEqualTo(patient.id());
        assertThat(body(getAs(otherDoctor.token(), "/api/v1/diary-alerts"))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_notice WHERE user_id = :u AND link = '/record/alerts'")
                        .param("u", doctor.user().userId().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String alert = alerts.get(0).get("id").asString();
        assertThat(postAs(otherDoctor.token(), "/api/v1/diary-alerts/" + alert + "/acknowledge", map())
                        .statusCode())
                .isEqualTo(404);
        assertThat(postAs(doctor.token(), "/api/v1/diary-alerts/" + alert + "/acknowledge", map())
                        .statusCode())
                .isEqualTo(200);
        assertThat(body(getAs(doctor.token(), "/api/v1/diary-alerts"))).isEmpty();
        assertThat(body(getAs(doctor.token(), "/api/v1/diary-alerts?open=false")))
                .hasSize(1);

        var seen = body(getAs(doctor.token(), "/api/v1/patients/" + patient.id() + "/diary?measure=BLOOD_PRESSURE"));
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).get("systolic").asInt()).isEqualTo(150);
    }
}
