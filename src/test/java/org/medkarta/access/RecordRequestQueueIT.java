package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.Phones;

/**
 * The registry's queue of record-access requests (SPEC E0): taking a request, its candidate
 * records, approval binding the clinic's record without merging, refusal, and the clinic's
 * automatic approval of exact matches.
 */
class RecordRequestQueueIT extends RecordRequestSupport {

    @Test
    void aPhoneAloneOpensNothingAndAnApprovedRequestBindsTheClinicsRecordWithoutMerging() {
        var clinic = clinic();
        var registrar = registrar(clinic);
        var papers = Papers.adult("Телефонова", "Анна", "Сергеевна");
        String phone = Phones.unique();
        PatientId kept = keptRecord(registrar.token(), papers, phone);
        clinicalEntry(clinic, kept);

        // The phone the clinic typed is a contact phone, not a way in: whoever holds it registers an
        // account of their own, with an empty record, and sees nothing of the clinic's record.
        var holder = patient(papers.lastName(), papers.firstName(), phone);
        assertThat(holder.patient()).isNotEqualTo(kept);
        assertThat(record(holder.token(), kept).statusCode()).isEqualTo(404);
        assertThat(body(getWith(holder.token(), "/api/v1/me")).get("records").findValuesAsString("patientId"))
                .containsExactly(holder.id());

        var filed = fileRequest(holder.token(), papers.request(clinic));
        String request = id(filed);
        assertThat(body(filed).get(0).get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(body(filed).get(0).get("scans").get(0).get("mediaType").asString())
                .isEqualTo("image/png");
        assertThat(record(holder.token(), kept).statusCode())
                .as("nothing clinical before approval")
                .isEqualTo(404);

        var queue = getWith(
                registrar.token(), "/api/v1/record-access-requests?clinicId=" + clinic.value() + "&state=SUBMITTED");
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(body(queue).findValuesAsString("id")).contains(request);
        var candidates = getWith(registrar.token(), "/api/v1/record-access-requests/" + request + "/candidates");
        assertThat(candidates.statusCode()).as(candidates.body()).isEqualTo(200);
        assertThat(body(candidates).get("candidates").findValuesAsString("patientId"))
                .containsExactly(kept.value().toString());
        assertThat(body(candidates).get("candidates").get(0).get("exact").asBoolean())
                .isTrue();

        String base = "/api/v1/record-access-requests/" + request;
        var tooEarly = postAs(
                registrar.token(),
                base + "/approve",
                map("patientId", kept.value().toString()));
        assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
        assertThat(problem(tooEarly)).isEqualTo("request-state");
        var taken = postAs(registrar.token(), base + "/take", map());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(body(taken).get("state").asString()).isEqualTo("IN_WORK");
        var takenTwice = postAs(registrar.token(), base + "/take", map());
        assertThat(takenTwice.statusCode()).isEqualTo(409);
        assertThat(problem(takenTwice)).isEqualTo("request-state");
        var ownRecord = postAs(registrar.token(), base + "/approve", map("patientId", holder.id()));
        assertThat(ownRecord.statusCode())
                .as("the requester's own record is no record the clinic keeps")
                .isEqualTo(422);
        assertThat(body(ownRecord).get("errors").findValuesAsString("field")).containsExactly("patientId");
        assertThat(record(holder.token(), kept).statusCode()).isEqualTo(404);

        var approved = postAs(
                registrar.token(),
                base + "/approve",
                map("patientId", kept.value().toString()));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(body(approved).get("state").asString()).isEqualTo("APPROVED");
        assertThat(body(approved).get("boundPatientId").asString())
                .isEqualTo(kept.value().toString());
        var refusedLate = postAs(registrar.token(), base + "/refuse", map("reason", "Передумали"));
        assertThat(refusedLate.statusCode()).isEqualTo(409);

        var opened = record(holder.token(), kept);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(opened.body()).contains("Гемоглобин клиники");
        var me = body(getWith(holder.token(), "/api/v1/me"));
        assertThat(me.get("records").findValuesAsString("patientId"))
                .containsExactly(holder.id(), kept.value().toString());
        assertThat(me.get("records").findValuesAsString("relation")).containsExactly("SELF", "SELF");
        assertThat(me.get("patientId").asString()).as("never merged").isEqualTo(holder.id());
        assertThat(record(holder.token(), holder.patient()).statusCode()).isEqualTo(200);
        assertThat(postAs(
                                holder.token(),
                                "/api/v1/patients/" + kept.value() + "/record/entries",
                                map("type", "DIAGNOSIS"))
                        .statusCode())
                .as("a patient still writes no clinical entries")
                .isEqualTo(403);

        var told = smsTo(phone, 3);
        assertThat(told).anyMatch(text -> text.contains("подана"));
        assertThat(told).anyMatch(text -> text.contains("проверяет"));
        assertThat(told).anyMatch(text -> text.contains("одобрила"));
    }

    @Test
    void aClinicThatApprovesExactMatchesOpensTheRecordAtOnceAndAnyMismatchWaitsForTheRegistry() {
        var clinic = clinic();
        var registrar = registrar(clinic);
        String admin = administrator(clinic);
        String settings = "/api/v1/clinics/" + clinic.value() + "/record-access-settings";
        assertThat(body(getWith(registrar.token(), settings))
                        .get("autoApproveExactMatches")
                        .asBoolean())
                .as("off by default")
                .isFalse();
        var exactPapers = Papers.adult("Точнова", "Ольга", "Игоревна");
        PatientId exactRecord = keptRecord(registrar.token(), exactPapers, Phones.unique());
        var offAnswer = fileRequest(patient("Точнова", "Ольга").token(), exactPapers.request(clinic));
        assertThat(body(offAnswer).get(0).get("state").asString())
                .as("while the setting is off even an exact match waits")
                .isEqualTo("SUBMITTED");

        assertThat(putAs(registrar.token(), settings, map("autoApproveExactMatches", true))
                        .statusCode())
                .as("a registrar does not change it")
                .isEqualTo(404);
        var on = putAs(admin, settings, map("autoApproveExactMatches", true));
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(body(getWith(registrar.token(), settings))
                        .get("autoApproveExactMatches")
                        .asBoolean())
                .isTrue();

        var exactPatient = patient("Точнова", "Ольга");
        var exact = fileRequest(exactPatient.token(), exactPapers.request(clinic));
        assertThat(exact.statusCode()).as(exact.body()).isEqualTo(201);
        assertThat(body(exact).get(0).get("state").asString()).isEqualTo("APPROVED");
        assertThat(body(exact).get(0).get("autoApproved").asBoolean()).isTrue();
        assertThat(record(exactPatient.token(), exactRecord).statusCode()).isEqualTo(200);

        // One field off (the patronymic, the birth date, the policy) and the registry decides.
        var mismatches = List.of(
                new Papers(
                        exactPapers.lastName(),
                        "Ольга",
                        "Петровна",
                        exactPapers.birthDate(),
                        exactPapers.snils(),
                        exactPapers.oms()),
                new Papers(
                        exactPapers.lastName(),
                        "Ольга",
                        "Игоревна",
                        "1980-01-03",
                        exactPapers.snils(),
                        exactPapers.oms()),
                new Papers(
                        exactPapers.lastName(),
                        "Ольга",
                        "Игоревна",
                        exactPapers.birthDate(),
                        exactPapers.snils(),
                        Identifiers.oms()));
        for (Papers mismatch : mismatches) {
            var other = patient("Точнова", "Ольга");
            var waiting = fileRequest(other.token(), mismatch.request(clinic));
            assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(201);
            assertThat(body(waiting).get(0).get("state").asString())
                    .as(mismatch.toString())
                    .isEqualTo("SUBMITTED");
            assertThat(record(other.token(), exactRecord).statusCode()).isEqualTo(404);
        }
    }
}
