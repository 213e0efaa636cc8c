package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The patient's contacts, addresses and identity document (SPEC E1): only contact data changed by
 * the patient, each form checked and each change kept.
 */
class PatientContactsIT extends RecordSupport {

    @Test
    void aPatientChangesOnlyContactDataAndEachChangeIsKept() {
        var patient = patient();
        String base = "/api/v1/patients/" + patient.id();
        assertThat(postAs(patient.token(), base + "/contacts", map("kind", "PHONE", "value", "+7 916 555-12-34"))
                        .statusCode())
                .isEqualTo(201);
        var badMail = postAs(patient.token(), base + "/contacts", map("kind", "EMAIL", "value", "not-an-address"));
        assertThat(badMail.statusCode()).isEqualTo(422);
        assertThat(body(badMail).get("field").asString()).isEqualTo("value");
        assertThat(postAs(
                                patient.token(),
                                base + "/addresses",
                                map("which", "ACTUAL", "address", "Москва, ул. Новая, 5"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(postAs(
                                patient.token(),
                                base + "/addresses",
                                map("which", "ACTUAL", "address", "Москва, ул. Старая, 7"))
                        .statusCode())
                .isEqualTo(200);

        var contacts = body(getAs(patient.token(), base + "/contacts"));
        assertThat(contacts.get("contacts").get(0).get("value").asString()).isEqualTo("+79165551234");
        assertThat(contacts.get("actualAddress").asString()).isEqualTo("Москва, ул. Старая, 7");
        assertThat(contacts.get("changes").valueStream().map(c -> c.get("field").asString()))
                .containsExactlyInAnyOrder("PHONE", "ACTUAL_ADDRESS", "ACTUAL_ADDRESS");

        var identity = postAs(patient.token(), base + "/identity", map("sex", "FEMALE"));
        assertThat(identity.statusCode()).isIn(403, 404);
    }

    @Test
    void thePatientRecordsTheirIdentityDocumentEachFormCheckedAndTheChangeLogged() {
        var patient = patient("1990-03-15");
        String base = "/api/v1/patients/" + patient.id();

        var nothing = postAs(patient.token(), base + "/identity-document", map());
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertThat(nothing.body()).contains("documentType", "documentIssuedOn", "documentIssuer");
        var wrongPassport = postAs(
                patient.token(),
                base + "/identity-document",
                map(
                        "type",
                        "RF_PASSPORT",
                        "series",
                        "45 O6",
                        "number",
                        "12345",
                        "issuedOn",
                        "1989-01-01",
                        "issuer",
                        "ОВД"));
        assertThat(wrongPassport.statusCode()).isEqualTo(422);
        assertThat(wrongPassport.body()).contains("documentSeries", "documentNumber", "documentIssuedOn");
        var unknownType = postAs(
                patient.token(),
                base + "/identity-document",
                map("type", "DRIVING_LICENCE", "number", "1", "issuedOn", "2020-01-01", "issuer", "ГИБДД"));
        assertThat(unknownType.statusCode()).isEqualTo(422);
        assertThat(body(unknownType).get("field").asString()).isEqualTo("documentType");
        var future = postAs(
                patient.token(),
                base + "/identity-document",
                map(
                        "type",
                        "RF_PASSPORT",
                        "series",
                        "4506",
                        "number",
                        "123456",
                        "issuedOn",
                        LocalDate.now().plusDays(3).toString(),
                        "issuer",
                        "ОВД"));
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(body(future).get("field").asString()).isEqualTo("documentIssuedOn");
        assertThat(body(getAs(patient.token(), base + "/record/identity"))
                        .get("document")
                        .isNull())
                .isTrue();

        var stored = postAs(
                patient.token(),
                base + "/identity-document",
                map(
                        "type",
                        "rf_passport",
                        "series",
                        "45 06",
                        "number",
                        "123 456",
                        "issuedOn",
                        "2010-04-01",
                        "issuer",
                        "  ОВД   района Арбат  "));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(body(stored).get("series").asString()).isEqualTo("4506");
        assertThat(body(stored).get("number").asString()).isEqualTo("123456");
        assertThat(body(stored).get("issuer").asString()).isEqualTo("ОВД района Арбат");
        // The same document again changes nothing; a birth certificate typed loosely is normalised.
        postAs(
                patient.token(),
                base + "/identity-document",
                map(
                        "type",
                        "RF_PASSPORT",
                        "series",
                        "4506",
                        "number",
                        "123456",
                        "issuedOn",
                        "2010-04-01",
                        "issuer",
                        "ОВД района Арбат"));
        var certificate = postAs(
                patient.token(),
                base + "/identity-document",
                map(
                        "type",
                        "BIRTH_CERTIFICATE",
                        "series",
                        "iv-мю",
                        "number",
                        "654321",
                        "issuedOn",
                        "1990-04-01",
                        "issuer",
                        "ЗАГС Москвы"));
        assertThat(certificate.statusCode()).as(certificate.body()).isEqualTo(200);
        var section = body(getAs(patient.token(), base + "/record/identity"));
        assertThat(section.get("document").get("type").asString()).isEqualTo("BIRTH_CERTIFICATE");
        assertThat(section.get("document").get("series").asString()).isEqualTo("IV-МЮ");
        var changes = body(getAs(patient.token(), base + "/contacts")).get("changes");
        assertThat(changes.valueStream()
                        .filter(c -> c.get("field").asString().equals("IDENTITY_DOCUMENT"))
                        .count())
                .isEqualTo(2);
        assertThat(changes.toString()).contains("RF_PASSPORT 45 06 № 123456");

        // Nobody else's document: another patient is told the record does not exist.
        var other = patient("1985-01-01");
        assertThat(postAs(
                                other.token(),
                                base + "/identity-document",
                                map("type", "OTHER", "number", "X1", "issuedOn", "2020-01-01", "issuer", "Посольство"))
                        .statusCode())
                .isEqualTo(404);
    }
}
