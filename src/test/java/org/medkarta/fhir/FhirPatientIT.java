package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.Identifiers;

/** Patients' records as Patients: read and searched within the access module's rules, audited. */
class FhirPatientIT extends FhirRecordSupport {

    @Test
    void aPatientReadsTheirOwnRecordAsAPatientThatValidatesWithAVersion() {
        var anna = patient("Ёжикова", "Анна", "1980-05-20");
        var doctor = doctor(anna);
        String snils = Identifiers.snils();
        String oms = Identifiers.oms();
        identifiers(doctor, anna, snils, oms);
        var set = postAs(doctor.token(), "/api/v1/patients/" + anna.id() + "/identity", map("sex", "FEMALE"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        var read = fhir(anna.token(), "Patient/" + anna.id());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertValid(read.body());
        var patient = FHIR.newJsonParser().parseResource(Patient.class, read.body());
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Ёжикова");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1980-05-20");
        assertThat(patient.getGender().toCode()).isEqualTo("female");
        assertThat(patient.getIdentifier())
                .extracting(i -> i.getSystem() + "|" + i.getValue())
                .contains("urn:oid:1.2.643.100.3|" + snils, "https://medkarta.org/fhir/sid/oms-enp|" + oms);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).contains(patient.getMeta().getVersionId());
        assertThat(fhir(anna.token(), "Patient/" + anna.id(), "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);

        var own = fhir(anna.token(), "Patient");
        assertThat(own.statusCode()).isEqualTo(200);
        assertValid(own.body());
        assertThat(ids(bundle(own))).containsExactly(anna.id());

        // The same resource through HAPI's generic client, unchanged.
        var viaClient = client(doctor.token())
                .read()
                .resource(Patient.class)
                .withId(anna.id())
                .execute();
        assertThat(viaClient.getIdElement().getVersionIdPart())
                .isEqualTo(patient.getMeta().getVersionId());
    }

    @Test
    void staffFindTheirPatientsByIdentifierAndNameAndMustNameThem() {
        var anna = patient("Лисицына", "Анна", "1980-05-20");
        var doctor = doctor(anna);
        String snils = Identifiers.snils();
        String oms = Identifiers.oms();
        identifiers(doctor, anna, snils, oms);
        postAs(doctor.token(), "/api/v1/patients/" + anna.id() + "/identity", map("sex", "FEMALE"));

        for (String query : List.of(
                "identifier=urn:oid:1.2.643.100.3|" + snils,
                "identifier=" + snils,
                "identifier=https://medkarta.org/fhir/sid/oms-enp|" + oms,
                "identifier=https://medkarta.org/fhir/sid/patient|" + anna.id(),
                "_id=" + anna.id() + "&family=лисиц&given=анна&gender=female&birthdate=1980",
                "_id=" + anna.id() + "&name=Петровна&birthdate=ge1980-05-20&birthdate=lt1980-05-21",
                "phone=" + anna.phone())) {
            var found = fhir(doctor.token(), "Patient?" + escaped(query));
            assertThat(found.statusCode()).as(query + ": " + found.body()).isEqualTo(200);
            assertValid(found.body());
            assertThat(ids(bundle(found))).as(query).containsExactly(anna.id());
        }
        for (String query : List.of(
                "identifier=urn:oid:1.2.643.100.3|" + oms,
                "_id=" + anna.id() + "&family=Иванова",
                "_id=" + anna.id() + "&birthdate=gt1980-05-20",
                "_id=" + anna.id() + "&birthdate=lt1980-05",
                "_id=" + anna.id() + "&gender=male",
                "_id=not-an-id")) {
            var found = fhir(doctor.token(), "Patient?" + escaped(query));
            assertThat(found.statusCode()).as(query).isEqualTo(200);
            assertThat(bundle(found).getEntry()).as(query).isEmpty();
            assertThat(bundle(found).getTotal()).as(query).isZero();
        }

        var unnamed = fhir(doctor.token(), "Patient?family=Лисицына", "Accept-Language", "en");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertValid(unnamed.body());
        assertThat(FHIR.newJsonParser()
                        .parseResource(OperationOutcome.class, unnamed.body())
                        .getIssueFirstRep()
                        .getDiagnostics())
                .contains("Name the patient");
        var badDate = fhir(doctor.token(), "Patient?_id=" + anna.id() + "&birthdate=1980-13", "Accept-Language", "en");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("1980-13");
        var unknown = fhir(doctor.token(), "Patient?_id=" + anna.id() + "&eye-colour=blue", "Accept-Language", "en");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("is not supported for Patient");
    }

    @Test
    void anotherPersonsRecordIsNotFoundAndNotFoundBySearchAndEachAccessIsAudited() {
        var anna = patient("Соколова", "Анна", "1975-01-02");
        var stranger = patient();
        var doctor = doctor(anna);
        var otherDoctor = doctor();
        String snils = Identifiers.snils();
        identifiers(doctor, anna, snils, null);

        for (var reader : List.of(stranger, otherDoctor)) {
            var read = fhir(reader.token(), "Patient/" + anna.id());
            assertThat(read.statusCode()).isEqualTo(404);
            assertValid(read.body());
            for (String query : List.of("_id=" + anna.id(), "identifier=" + snils, "phone=" + anna.phone())) {
                var found = fhir(reader.token(), "Patient?" + escaped(query));
                assertThat(found.statusCode()).isEqualTo(200);
                assertThat(bundle(found).getEntry()).isEmpty();
                assertThat(bundle(found).getTotal()).isZero();
            }
        }
        assertThat(ids(bundle(fhir(stranger.token(), "Patient")))).containsExactly(stranger.id());
        assertThat(fhir(null, "Patient/" + anna.id()).statusCode()).isEqualTo(401);
        assertThat(fhir(stranger.token(), "Patient/not-a-uuid").statusCode()).isEqualTo(404);

        var before = audit(anna).size();
        assertThat(fhir(doctor.token(), "Patient/" + anna.id()).statusCode()).isEqualTo(200);
        assertThat(audit(anna).subList(before, audit(anna).size())).containsExactly("RECORD_VIEW SUCCESS");
        before = audit(anna).size();
        assertThat(ids(bundle(fhir(doctor.token(), "Patient?_id=" + anna.id()))))
                .containsExactly(anna.id());
        assertThat(audit(anna).subList(before, audit(anna).size())).containsExactly("RECORD_VIEW SUCCESS");
        before = audit(anna).size();
        fhir(stranger.token(), "Patient/" + anna.id());
        assertThat(audit(anna).subList(before, audit(anna).size())).containsExactly("RECORD_VIEW DENIED");
    }

    @Test
    void aGranteeSeesTheGrantedRecordsAsTheHeaderShowsThemPagedWithNextLinks() {
        var relative = patient("Петрова", "Мария", "1970-03-03");
        var anna = patient("Кузнецова", "Анна", "1990-07-08");
        var olga = patient("Кузнецова", "Ольга", "1992-09-10");
        grant(anna, relative, "VIEW");
        grant(olga, relative, "VIEW_DOWNLOAD");

        var read = fhir(relative.token(), "Patient/" + anna.id());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertValid(read.body());
        var seen = FHIR.newJsonParser().parseResource(Patient.class, read.body());
        assertThat(seen.getNameFirstRep().getFamily()).isEqualTo("К.");
        assertThat(seen.hasBirthDate()).isFalse();

        var client = client(relative.token());
        var first = client.search()
                .forResource(Patient.class)
                .count(2)
                .returnBundle(Bundle.class)
                .execute();
        assertValid(first);
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getLink(Bundle.LINK_NEXT)).isNotNull();
        var second = client.loadPage().next(first).execute();
        assertThat(ids(second)).hasSize(1);
        var all = new java.util.ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).containsExactlyInAnyOrder(relative.id(), anna.id(), olga.id());

        assertThat(ids(bundle(fhir(relative.token(), "Patient?given=ольга")))).containsExactly(olga.id());
        assertThat(ids(bundle(fhir(anna.token(), "Patient?_id=" + olga.id())))).isEmpty();
    }

    /** A query as typed, with the characters a URI may not hold raw escaped. */
    static String escaped(String query) {
        return query.replace("|", "%7C").replace("+", "%2B");
    }

    static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> entry.getResource().getIdElement().getIdPart())
                .toList();
    }
}
