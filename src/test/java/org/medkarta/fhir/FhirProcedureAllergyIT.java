package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medkarta.fhir.FhirPatientIT.escaped;
import static org.medkarta.fhir.FhirPatientIT.ids;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.record.ClinicalEntries;
import org.medkarta.record.EntryForm;
import org.medkarta.record.EntryType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Procedures and allergies a clinician files in the record (issue 15), as Procedures and
 * AllergyIntolerances: read and searched by the clinician in care, valid under the R4 core
 * definitions; the patient's side finds none (order 003, Appendix 1 does not list them), a stranger
 * reads 404, and every request is one audit entry.
 */
class FhirProcedureAllergyIT extends FhirRecordSupport {

    @Autowired
    ClinicalEntries clinicalEntries;

    @Autowired
    RecordAccess access;

    record Chart(
            Person patient,
            Person doctor,
            String ecg,
            String appendectomy,
            String dressing,
            String penicillin,
            String peanuts) {}

    /** The clinician files through the record's facade, as the record pages do. */
    UUID add(Person doctor, Person patient, EntryType type, String... fields) {
        var write = access.require(doctor.user(), patient.patientId(), RecordAction.WRITE);
        return clinicalEntries.add(write, doctor.user(), new EntryForm(type, pairs(fields), null, false));
    }

    static Map<String, String> pairs(String... fields) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        return map;
    }

    Chart chart() {
        var patient = patient();
        var doctor = doctor(patient);
        String ecg = add(
                        doctor,
                        patient,
                        EntryType.PROCEDURE,
                        "date",
                        "2023-04-10",
                        "code",
                        "a05.10.006",
                        "name",
                        "Регистрация электрокардиограммы",
                        "outcome",
                        "Ритм синусовый")
                .toString();
        String appendectomy = add(
                        doctor,
                        patient,
                        EntryType.PROCEDURE,
                        "date",
                        "2021-06-01",
                        "code",
                        "80146002",
                        "name",
                        "Аппендэктомия")
                .toString();
        String dressing = add(doctor, patient, EntryType.PROCEDURE, "date", "2024-01-15", "name", "Перевязка")
                .toString();
        String penicillin = add(
                        doctor,
                        patient,
                        EntryType.ALLERGY,
                        "recorded",
                        "2022-02-02",
                        "substance",
                        "Пенициллин",
                        "code",
                        "PEN",
                        "category",
                        "MEDICATION",
                        "criticality",
                        "HIGH",
                        "clinicalStatus",
                        "ACTIVE",
                        "reaction",
                        "Крапивница")
                .toString();
        String peanuts = add(
                        doctor,
                        patient,
                        EntryType.ALLERGY,
                        "recorded",
                        "2020-05-01",
                        "substance",
                        "Арахис",
                        "category",
                        "FOOD",
                        "criticality",
                        "UNABLE_TO_ASSESS",
                        "clinicalStatus",
                        "RESOLVED")
                .toString();
        return new Chart(patient, doctor, ecg, appendectomy, dressing, penicillin, peanuts);
    }

    @Test
    void proceduresAreProceduresWithNmuCodesSearchedByCodeDateAndStatus() {
        var chart = chart();
        var doctor = chart.doctor();
        String patient = chart.patient().id();

        var all = fhir(doctor.token(), "Procedure?patient=" + patient);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertValid(all.body());
        assertThat(ids(bundle(all))).containsExactly(chart.dressing(), chart.ecg(), chart.appendectomy());
        for (String id : List.of(chart.dressing(), chart.ecg(), chart.appendectomy())) {
            var read = fhir(doctor.token(), "Procedure/" + id);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertValid(read.body());
        }
        var ecg = FHIR.newJsonParser()
                .parseResource(
                        Procedure.class,
                        fhir(doctor.token(), "Procedure/" + chart.ecg()).body());
        assertThat(ecg.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
        assertThat(ecg.getCode().getCodingFirstRep().getSystem()).isEqualTo("urn:oid:1.2.643.5.1.13.13.11.1070");
        assertThat(ecg.getCode().getCodingFirstRep().getCode()).isEqualTo("A05.10.006");
        assertThat(ecg.getCode().getText()).isEqualTo("Регистрация электрокардиограммы");
        assertThat(ecg.getPerformedDateTimeType().getValueAsString()).isEqualTo("2023-04-10");
        assertThat(ecg.getOutcome().getText()).isEqualTo("Ритм синусовый");
        assertThat(ecg.getSubject().getReference()).isEqualTo("Patient/" + patient);
        var appendectomy = FHIR.newJsonParser()
                .parseResource(
                        Procedure.class,
                        fhir(doctor.token(), "Procedure/" + chart.appendectomy())
                                .body());
        assertThat(appendectomy.getCode().getCodingFirstRep().getSystem())
                .isEqualTo("https://medkarta.org/fhir/CodeSystem/procedure");

        for (var query : List.of(
                "code=urn:oid:1.2.643.5.1.13.13.11.1070|A05.10.006",
                "code=a05.10.006",
                "code=X99,A05.10.006",
                "date=ge2023-01-01&date=lt2024",
                "date=2023-04")) {
            var found = fhir(doctor.token(), "Procedure?subject=Patient/" + patient + "&" + escaped(query));
            assertThat(found.statusCode()).as(query + " " + found.body()).isEqualTo(200);
            assertValid(found.body());
            assertThat(ids(bundle(found))).as(query).containsExactly(chart.ecg());
        }
        assertThat(ids(bundle(fhir(
                        doctor.token(),
                        "Procedure?patient=" + patient + "&code="
                                + escaped("https://medkarta.org/fhir/CodeSystem/procedure|80146002")))))
                .containsExactly(chart.appendectomy());
        assertThat(ids(bundle(fhir(doctor.token(), "Procedure?patient=" + patient + "&date=le2023-04-10"))))
                .containsExactly(chart.ecg(), chart.appendectomy());
        assertThat(ids(bundle(fhir(doctor.token(), "Procedure?patient=" + patient + "&date=gt2023-04-10"))))
                .containsExactly(chart.dressing());
        assertThat(bundle(fhir(doctor.token(), "Procedure?patient=" + patient + "&status=completed"))
                        .getTotal())
                .isEqualTo(3);
        var included =
                fhir(doctor.token(), "Procedure?patient=" + patient + "&code=A05.10.006&_include=Procedure:patient");
        assertThat(included.statusCode()).as(included.body()).isEqualTo(200);
        assertValid(included.body());
        assertThat(bundle(included).getEntry())
                .extracting(entry -> entry.getResource().fhirType())
                .containsExactly("Procedure", "Patient");
        assertThat(bundle(fhir(doctor.token(), "Procedure?patient=" + patient + "&_include=Procedure:subject"))
                        .getEntry())
                .filteredOn(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .hasSize(1);

        // A correction is a new version; an entry entered in error stays, as entered-in-error.
        var write = access.require(doctor.user(), chart.patient().patientId(), RecordAction.WRITE);
        clinicalEntries.correct(
                write,
                doctor.user(),
                UUID.fromString(chart.ecg()),
                new EntryForm(
                        null,
                        pairs(
                                "date",
                                "2023-04-10",
                                "code",
                                "A05.10.006",
                                "name",
                                "Регистрация электрокардиограммы",
                                "outcome",
                                "Ритм синусовый, ЧСС 64"),
                        "Уточнение",
                        false));
        var corrected = FHIR.newJsonParser()
                .parseResource(
                        Procedure.class,
                        fhir(doctor.token(), "Procedure/" + chart.ecg()).body());
        assertThat(corrected.getMeta().getVersionId()).isEqualTo("2");
        assertThat(corrected.getOutcome().getText()).isEqualTo("Ритм синусовый, ЧСС 64");
        clinicalEntries.enteredInError(write, doctor.user(), UUID.fromString(chart.dressing()), "Не тот пациент");
        var inError = fhir(doctor.token(), "Procedure/" + chart.dressing());
        assertValid(inError.body());
        assertThat(FHIR.newJsonParser()
                        .parseResource(Procedure.class, inError.body())
                        .getStatus())
                .isEqualTo(Procedure.ProcedureStatus.ENTEREDINERROR);
        assertThat(ids(bundle(fhir(doctor.token(), "Procedure?patient=" + patient + "&status=entered-in-error"))))
                .containsExactly(chart.dressing());
        assertThat(ids(bundle(fhir(
                        doctor.token(),
                        "Procedure?patient=" + patient + "&status="
                                + escaped("http://hl7.org/fhir/event-status|completed")))))
                .containsExactly(chart.ecg(), chart.appendectomy());

        // An allergy's entry is no Procedure, nor the other way round.
        assertThat(fhir(doctor.token(), "Procedure/" + chart.penicillin()).statusCode())
                .isEqualTo(404);
        assertThat(fhir(doctor.token(), "AllergyIntolerance/" + chart.ecg()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void allergiesAreAllergyIntolerancesSearchedByCodeRecordedDateAndClinicalStatus() {
        var chart = chart();
        var doctor = chart.doctor();
        String patient = chart.patient().id();

        var all = fhir(doctor.token(), "AllergyIntolerance?patient=" + patient);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertValid(all.body());
        assertThat(ids(bundle(all))).containsExactly(chart.penicillin(), chart.peanuts());
        for (String id : List.of(chart.penicillin(), chart.peanuts())) {
            var read = fhir(doctor.token(), "AllergyIntolerance/" + id);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertValid(read.body());
        }
        var penicillin = FHIR.newJsonParser()
                .parseResource(
                        AllergyIntolerance.class,
                        fhir(doctor.token(), "AllergyIntolerance/" + chart.penicillin())
                                .body());
        assertThat(penicillin.getCode().getText()).isEqualTo("Пенициллин");
        assertThat(penicillin.getCode().getCodingFirstRep().getSystem())
                .isEqualTo("https://medkarta.org/fhir/CodeSystem/allergy-substance");
        assertThat(penicillin.getCode().getCodingFirstRep().getCode()).isEqualTo("PEN");
        assertThat(penicillin.getCategory())
                .extracting(category -> category.getValue().toCode())
                .containsExactly("medication");
        assertThat(penicillin.getCriticality()).isEqualTo(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        assertThat(penicillin.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(penicillin.getVerificationStatus().getCodingFirstRep().getCode())
                .isEqualTo("confirmed");
        assertThat(penicillin.getRecordedDateElement().getValueAsString()).isEqualTo("2022-02-02");
        assertThat(penicillin.getReactionFirstRep().getManifestationFirstRep().getText())
                .isEqualTo("Крапивница");
        assertThat(penicillin.getPatient().getReference()).isEqualTo("Patient/" + patient);

        for (var query : List.of(
                "code=PEN",
                "code=https://medkarta.org/fhir/CodeSystem/allergy-substance|pen",
                "clinical-status=active",
                "clinical-status=http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical|active",
                "date=ge2021&date=le2022-02-02")) {
            var found = fhir(doctor.token(), "AllergyIntolerance?patient=Patient/" + patient + "&" + escaped(query));
            assertThat(found.statusCode()).as(query + " " + found.body()).isEqualTo(200);
            assertValid(found.body());
            assertThat(ids(bundle(found))).as(query).containsExactly(chart.penicillin());
        }
        assertThat(ids(bundle(fhir(
                        doctor.token(),
                        "AllergyIntolerance?patient=" + patient + "&clinical-status=resolved,inactive"))))
                .containsExactly(chart.peanuts());
        assertThat(ids(bundle(fhir(doctor.token(), "AllergyIntolerance?patient=" + patient + "&date=lt2020-05-02"))))
                .containsExactly(chart.peanuts());
        var included = fhir(
                doctor.token(),
                "AllergyIntolerance?patient=" + patient
                        + "&clinical-status=active&_include=AllergyIntolerance:patient");
        assertThat(included.statusCode()).as(included.body()).isEqualTo(200);
        assertValid(included.body());
        assertThat(bundle(included).getEntry())
                .extracting(entry -> entry.getResource().fhirType())
                .containsExactly("AllergyIntolerance", "Patient");

        var write = access.require(doctor.user(), chart.patient().patientId(), RecordAction.WRITE);
        clinicalEntries.enteredInError(write, doctor.user(), UUID.fromString(chart.peanuts()), "Не тот пациент");
        var inError = fhir(doctor.token(), "AllergyIntolerance/" + chart.peanuts());
        assertValid(inError.body());
        var wrong = FHIR.newJsonParser().parseResource(AllergyIntolerance.class, inError.body());
        assertThat(wrong.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
        assertThat(wrong.hasClinicalStatus()).isFalse();
        assertThat(ids(bundle(
                        fhir(doctor.token(), "AllergyIntolerance?patient=" + patient + "&clinical-status=resolved"))))
                .isEmpty();

        // AllergyIntolerance has no subject parameter in R4; what is not declared is refused.
        var subject =
                fhir(doctor.token(), "AllergyIntolerance?subject=" + patient + "&code=PEN", "Accept-Language", "en");
        assertThat(subject.statusCode()).isEqualTo(400);
        assertValid(subject.body());
        assertThat(subject.body()).contains("is not supported for AllergyIntolerance");
        assertThat(fhir(doctor.token(), "Procedure?patient=" + patient + "&category=surgical")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void thePatientSideFindsNoneAStrangerReads404AndEachRequestIsAudited() {
        var chart = chart();
        String patient = chart.patient().id();
        var stranger = patient();
        var otherDoctor = doctor();
        var relative = patient("Петрова", "Мария", "1970-03-03");
        grant(chart.patient(), relative, "VIEW");

        // Appendix 1 does not list procedures and allergies: the patient account shows none.
        for (var reader : List.of(chart.patient(), relative)) {
            for (var type : List.of("Procedure", "AllergyIntolerance")) {
                var found = fhir(reader.token(), type + "?patient=" + patient);
                assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
                assertValid(found.body());
                assertThat(bundle(found).getTotal()).isZero();
                assertThat(bundle(fhir(reader.token(), type)).getEntry()).isEmpty();
            }
            assertThat(fhir(reader.token(), "Procedure/" + chart.ecg()).statusCode())
                    .isEqualTo(404);
            assertThat(fhir(reader.token(), "AllergyIntolerance/" + chart.penicillin())
                            .statusCode())
                    .isEqualTo(404);
        }
        for (var reader : List.of(stranger, otherDoctor)) {
            var read = fhir(reader.token(), "Procedure/" + chart.ecg());
            assertThat(read.statusCode()).isEqualTo(404);
            assertValid(read.body());
            assertThat(read.body()).doesNotContain("электрокардиограммы");
            assertThat(fhir(reader.token(), "AllergyIntolerance/" + chart.penicillin())
                            .statusCode())
                    .isEqualTo(404);
            for (var type : List.of("Procedure", "AllergyIntolerance")) {
                var found = fhir(reader.token(), type + "?patient=" + patient);
                assertThat(found.statusCode()).isEqualTo(200);
                assertThat(bundle(found).getTotal()).isZero();
                assertThat(found.body()).doesNotContain("Пенициллин");
            }
        }
        assertThat(fhir(null, "Procedure?patient=" + patient).statusCode()).isEqualTo(401);
        assertThat(fhir(null, "AllergyIntolerance/" + chart.penicillin()).statusCode())
                .isEqualTo(401);
        var unnamed = fhir(chart.doctor().token(), "AllergyIntolerance?code=PEN", "Accept-Language", "en");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("Name the patient");

        for (var request : List.of(
                "Procedure/" + chart.ecg(),
                "Procedure?patient=" + patient + "&code=A05.10.006",
                "AllergyIntolerance/" + chart.penicillin(),
                "AllergyIntolerance?patient=" + patient)) {
            var before = audit(chart.patient()).size();
            fhir(chart.doctor().token(), request);
            var after = audit(chart.patient());
            assertThat(after.subList(before, after.size())).as(request).containsExactly("RECORD_VIEW SUCCESS");
        }
        var before = audit(chart.patient()).size();
        fhir(otherDoctor.token(), "AllergyIntolerance?patient=" + patient);
        assertThat(audit(chart.patient()).subList(before, audit(chart.patient()).size()))
                .containsExactly("RECORD_VIEW DENIED");
    }

    @Test
    void searchesArePagedAndTheCapabilityStatementListsTheirParameters() {
        var chart = chart();
        var client = client(chart.doctor().token());
        var first = client.search()
                .forResource(Procedure.class)
                .where(Procedure.PATIENT.hasId(chart.patient().id()))
                .count(2)
                .returnBundle(Bundle.class)
                .execute();
        assertValid(first);
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(ids(first)).containsExactly(chart.dressing(), chart.ecg());
        assertThat(first.getLink(Bundle.LINK_NEXT)).isNotNull();
        var second = client.loadPage().next(first).execute();
        assertThat(ids(second)).containsExactly(chart.appendectomy());
        var allergies = fhir(
                chart.doctor().token(),
                "AllergyIntolerance?patient=" + chart.patient().id() + "&_count=1&_offset=1");
        assertValid(allergies.body());
        assertThat(bundle(allergies).getTotal()).isEqualTo(2);
        assertThat(ids(bundle(allergies))).containsExactly(chart.peanuts());

        var statement = FHIR.newJsonParser()
                .parseResource(CapabilityStatement.class, fhir(null, "metadata").body());
        var parameters = new java.util.HashMap<String, TreeSet<String>>();
        for (var resource : statement.getRestFirstRep().getResource()) {
            var names = new TreeSet<String>();
            resource.getSearchParam().forEach(parameter -> names.add(parameter.getName()));
            parameters.put(resource.getType(), names);
        }
        assertThat(parameters.get("Procedure")).contains("patient", "subject", "code", "date", "status");
        assertThat(parameters.get("AllergyIntolerance")).contains("patient", "code", "date", "clinical-status");
    }
}
