package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.medkarta.notification.OutboundMessage;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.Outbox;

/**
 * What the record-access request tests share: a clinic's record with something in it, reading it, the
 * filed request's id and the texts sent to a phone. Helpers only; the Spring context is
 * {@link AccessSupport}'s.
 */
abstract class RecordRequestSupport extends AccessSupport {

    /** A laboratory result a doctor in the clinic's care files in the kept record; the doctor's token. */
    String clinicalEntry(ClinicId clinic, PatientId record) {
        var doctor = doctor(clinic);
        patientReferrals.issueReferral(
                record, "therapist", doctor.view().id(), Instant.now().plus(Duration.ofDays(30)), null);
        var filed = postAs(
                doctor.token(),
                "/api/v1/patients/" + record.value() + "/record/entries",
                map(
                        "type",
                        "LAB_RESULT",
                        "fields",
                        map(
                                "date", "2024-02-03",
                                "testCode", "HGB",
                                "testName", "Гемоглобин клиники",
                                "value", "131",
                                "unit", "g/L",
                                "referenceLow", "120",
                                "referenceHigh", "160")));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return doctor.token();
    }

    /** The record as {@code token}'s holder reads it. */
    HttpResponse<String> record(String token, PatientId record) {
        return getWith(token, "/api/v1/patients/" + record.value() + "/record");
    }

    /** The id of the first request a filing created, once it was created. */
    String id(HttpResponse<String> filed) {
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return body(filed).get(0).get("id").asString();
    }

    /** The texts of the SMS sent to the phone, waiting for at least {@code atLeast}. */
    List<String> smsTo(String phone, int atLeast) {
        return Outbox.to(outbox, phone, atLeast).stream()
                .map(OutboundMessage::body)
                .toList();
    }
}
