package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Clinicians' entries through the API (SPEC E6, E7): every change a new version with author and
 * reason, duplicate warnings, and patients filing none.
 */
class ClinicalEntriesIT extends RecordSupport {

    @Test
    void everyChangeIsANewVersionWithAuthorAndReasonAndNothingIsDestroyed() {
        var patient = patient();
        var doctor = doctor(patient);
        String entry = file(
                doctor,
                patient,
                "LAB_RESULT",
                lab("2023-02-01", "CHOL", "Холестерин", "6.8", "mmol/L", "referenceHigh", "5.2"));
        String path = "/api/v1/patients/" + patient.id() + "/record/entries/" + entry;

        var noReason = postAs(
                doctor.token(),
                path + "/corrections",
                map("fields", map(lab("2023-02-01", "CHOL", "Холестерин", "5.8", "mmol/L", "referenceHigh", "5.2"))));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(body(noReason).get("field").asString()).isEqualTo("reason");

        clock.advance(java.time.Duration.ofMinutes(5));
        var corrected = postAs(
                doctor.token(),
                path + "/corrections",
                map(
                        "fields",
                        map(lab("2023-02-01", "CHOL", "Холестерин", "5.8", "mmol/L", "referenceHigh", "5.2")),
                        "reason",
                        "Опечатка в значении"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);

        var detail = body(getAs(doctor.token(), path));
        assertThat(detail.get("version").asInt()).isEqualTo(2);
        assertThat(detail.get("status").asString()).isEqualTo("AMENDED");
        assertThat(detail.get("fields").get("value").asString()).isEqualTo("5.8");
        assertThat(detail.get("flag").asString()).isEqualTo("H");
        var history = detail.get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("reason").asString()).isEqualTo("Опечатка в значении");
        assertThat(history.get(0).get("author").asString()).isEqualTo("Врачев Иван");
        assertThat(history.get(1).get("fields").get("value").asString()).isEqualTo("6.8");

        var wrong = postAs(doctor.token(), path + "/entered-in-error", map("reason", "Анализ другого пациента"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        var after = body(getAs(doctor.token(), path));
        assertThat(after.get("status").asString()).isEqualTo("ENTERED_IN_ERROR");
        assertThat(after.get("history")).hasSize(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_entry_version WHERE entry_id = :id")
                        .param("id", UUID.fromString(entry))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(titles(record(patient, patient, ""))).doesNotContain("Холестерин");
        assertThat(getAs(patient.token(), path).statusCode()).isEqualTo(404);
    }

    @Test
    void aMatchingEntryRaisesADuplicateWarningUntilConfirmed() {
        var patient = patient();
        var doctor = doctor(patient);
        var fields = map(lab("2024-04-04", "tsh", "ТТГ", "2.50", "mIU/L"));
        String first = file(doctor, patient, "LAB_RESULT", lab("2024-04-04", "TSH", "ТТГ", "2.5", "mIU/L"));

        var again = postAs(
                doctor.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map("type", "LAB_RESULT", "fields", fields));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).isEqualTo("duplicate-entry");
        assertThat(body(again).get("existingEntryId").asString()).isEqualTo(first);

        var otherValue = postAs(
                doctor.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map("type", "LAB_RESULT", "fields", map(lab("2024-04-04", "TSH", "ТТГ", "2.6", "mIU/L"))));
        assertThat(otherValue.statusCode()).isEqualTo(201);

        var confirmed = postAs(
                doctor.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map("type", "LAB_RESULT", "fields", fields, "confirmDuplicate", true));
        assertThat(confirmed.statusCode()).isEqualTo(201);
    }

    @Test
    void aPatientCannotFileClinicalEntries() {
        var patient = patient();
        var response = postAs(
                patient.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map(
                        "type",
                        "EXAM_PROTOCOL",
                        "fields",
                        map(
                                "date",
                                "2024-01-01",
                                "specialty",
                                "Я сам",
                                "examination",
                                "Здоров",
                                "conclusion",
                                "Здоров")));
        // The policy point may refuse a patient any write (404), or this module refuses clinical entries (403).
        assertThat(response.statusCode()).isIn(403, 404);
        assertThat(problem(response)).isIn("clinical-entries-read-only", "not-found");
    }
}
