package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medkarta.fhir.FhirPatientIT.escaped;
import static org.medkarta.fhir.FhirPatientIT.ids;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;

/** Visits as Encounters and diagnoses as Conditions, within the record's access rules, audited. */
class FhirEncounterConditionIT extends FhirRecordSupport {

    record Chart(
            Person patient,
            Person doctor,
            String exam2016,
            String exam2021,
            String stay,
            String hypertension,
            String cold) {}

    Chart chart() {
        var patient = patient();
        var doctor = doctor(patient);
        String exam2016 = file(doctor, patient, "EXAM_PROTOCOL", exam("2016-12-31", "Терапевт 2016"));
        String exam2021 = file(doctor, patient, "EXAM_PROTOCOL", exam("2021-03-02", "Эндокринолог"));
        String stay = file(
                doctor,
                patient,
                "HOSPITALISATION",
                "admitted",
                "2020-01-10",
                "discharged",
                "2020-01-20",
                "department",
                "Кардиология",
                "reason",
                "ИБС",
                "outcome",
                "Улучшение",
                "summary",
                "Эпикриз");
        String hypertension = file(
                doctor,
                patient,
                "DIAGNOSIS",
                "icd10",
                "I10",
                "name",
                "Эссенциальная гипертензия",
                "onset",
                "2020-01-01",
                "clinicalStatus",
                "ACTIVE");
        String cold = file(
                doctor,
                patient,
                "DIAGNOSIS",
                "icd10",
                "J06.9",
                "name",
                "ОРВИ",
                "onset",
                "2021-02-01",
                "abatement",
                "2021-02-10",
                "clinicalStatus",
                "RESOLVED");
        return new Chart(patient, doctor, exam2016, exam2021, stay, hypertension, cold);
    }

    static Object[] exam(String date, String specialty) {
        return new Object[] {"date", date, "specialty", specialty, "examination", "Осмотр", "conclusion", "Норма"};
    }

    @Test
    void visitsAreEncountersThatValidateSearchedByDateAndStatus() {
        var chart = chart();
        var doctor = chart.doctor();
        String patient = chart.patient().id();

        var all = fhir(doctor.token(), "Encounter?patient=Patient/" + patient);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertValid(all.body());
        assertThat(ids(bundle(all))).containsExactly(chart.exam2021(), chart.stay(), chart.exam2016());
        for (String id : List.of(chart.exam2021(), chart.stay(), chart.exam2016())) {
            var read = fhir(doctor.token(), "Encounter/" + id);
            assertThat(read.statusCode()).isEqualTo(200);
            assertValid(read.body());
        }
        var stay = FHIR.newJsonParser()
                .parseResource(
                        Encounter.class,
                        fhir(doctor.token(), "Encounter/" + chart.stay()).body());
        assertThat(stay.getClass_().getCode()).isEqualTo("IMP");
        assertThat(stay.getPeriod().getStartElement().getValueAsString()).isEqualTo("2020-01-10");
        assertThat(stay.getSubject().getReference()).isEqualTo("Patient/" + patient);

        assertThat(ids(bundle(fhir(doctor.token(), "Encounter?subject=" + patient + "&date=ge2020-01-01&date=lt2021"))))
                .containsExactly(chart.stay());
        assertThat(ids(bundle(fhir(doctor.token(), "Encounter?patient=" + patient + "&date=2021-03"))))
                .containsExactly(chart.exam2021());
        assertThat(ids(bundle(fhir(
                        doctor.token(),
                        "Encounter?patient=" + escaped("http://example.org/fhir/Patient/" + patient)
                                + "&status=finished"))))
                .hasSize(3);
        assertThat(bundle(fhir(doctor.token(), "Encounter?patient=" + patient + "&status=planned"))
                        .getTotal())
                .isZero();
        var included = fhir(doctor.token(), "Encounter?patient=" + patient + "&_include=Encounter:subject");
        assertThat(included.statusCode()).as(included.body()).isEqualTo(200);
        assertValid(included.body());
        assertThat(bundle(included).getTotal()).isEqualTo(3);
        assertThat(bundle(included).getEntry())
                .filteredOn(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .extracting(entry -> entry.getResource()
                        .getIdElement()
                        .toUnqualifiedVersionless()
                        .getValue())
                .containsExactly("Patient/" + patient);
        // A condition's entry is no Encounter.
        assertThat(fhir(doctor.token(), "Encounter/" + chart.hypertension()).statusCode())
                .isEqualTo(404);

        // The patient account shows visits from 2017 (order 003, Appendix 1).
        var own = fhir(chart.patient().token(), "Encounter");
        assertValid(own.body());
        assertThat(ids(bundle(own))).containsExactly(chart.exam2021(), chart.stay());
        assertThat(fhir(chart.patient().token(), "Encounter/" + chart.exam2016())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void diagnosesAreConditionsWithIcd10CodesForClinicians() {
        var chart = chart();
        var doctor = chart.doctor();
        String patient = chart.patient().id();

        var all = fhir(doctor.token(), "Condition?patient=" + patient);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertValid(all.body());
        assertThat(ids(bundle(all))).containsExactly(chart.cold(), chart.hypertension());
        var read = fhir(doctor.token(), "Condition/" + chart.cold());
        assertValid(read.body());
        var cold = FHIR.newJsonParser().parseResource(Condition.class, read.body());
        assertThat(cold.getCode().getCodingFirstRep().getSystem()).isEqualTo("urn:oid:1.2.643.5.1.13.13.11.1005");
        assertThat(cold.getCode().getCodingFirstRep().getCode()).isEqualTo("J06.9");
        assertThat(cold.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("resolved");
        assertThat(cold.hasRecordedDate()).isTrue();
        assertValid(fhir(doctor.token(), "Condition/" + chart.hypertension()).body());

        for (var query : List.of(
                "code=urn:oid:1.2.643.5.1.13.13.11.1005|I10",
                "code=i10",
                "code=X99,I10",
                "clinical-status=active",
                "onset-date=lt2020-01-02")) {
            var found = fhir(doctor.token(), "Condition?patient=" + patient + "&" + escaped(query));
            assertThat(found.statusCode()).as(query).isEqualTo(200);
            assertValid(found.body());
            assertThat(ids(bundle(found))).as(query).containsExactly(chart.hypertension());
        }
        var withSubject = fhir(doctor.token(), "Condition?patient=" + patient + "&code=I10&_include=Condition:patient");
        assertValid(withSubject.body());
        assertThat(bundle(withSubject).getEntry())
                .extracting(entry -> entry.getResource().fhirType())
                .containsExactly("Condition", "Patient");
        assertThat(ids(bundle(fhir(
                        doctor.token(),
                        "Condition?patient=" + patient + "&onset-date=ge2021&clinical-status=resolved"))))
                .containsExactly(chart.cold());
        assertThat(bundle(fhir(
                                doctor.token(),
                                "Condition?patient=" + patient + "&code=" + escaped("http://snomed.info/sct|I10")))
                        .getTotal())
                .isZero();

        // Appendix 1 does not list diagnoses: the patient account shows none.
        assertThat(bundle(fhir(chart.patient().token(), "Condition")).getEntry())
                .isEmpty();
        assertThat(fhir(chart.patient().token(), "Condition/" + chart.cold()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void noOneOutsideTheRecordSeesItButAGranteeAndEachAccessIsAudited() {
        var chart = chart();
        String patient = chart.patient().id();
        var stranger = patient();
        var otherDoctor = doctor();
        var relative = patient("Петрова", "Мария", "1970-03-03");
        grant(chart.patient(), relative, "VIEW");

        for (var reader : List.of(stranger, otherDoctor)) {
            var read = fhir(reader.token(), "Encounter/" + chart.exam2021());
            assertThat(read.statusCode()).isEqualTo(404);
            assertValid(read.body());
            assertThat(fhir(reader.token(), "Condition/" + chart.cold()).statusCode())
                    .isEqualTo(404);
            for (var type : List.of("Encounter", "Condition")) {
                var found = fhir(reader.token(), type + "?patient=" + patient);
                assertThat(found.statusCode()).isEqualTo(200);
                assertThat(bundle(found).getTotal()).isZero();
                assertThat(bundle(found).getEntry()).isEmpty();
            }
        }
        assertThat(ids(bundle(fhir(stranger.token(), "Encounter")))).isEmpty();
        for (var reference : List.of("Practitioner/" + patient, "Patient/not-a-uuid", "Patient/" + patient + "x")) {
            var found = fhir(chart.doctor().token(), "Encounter?patient=" + reference);
            assertThat(found.statusCode()).as(reference).isEqualTo(200);
            assertThat(bundle(found).getTotal()).as(reference).isZero();
        }
        assertThat(fhir(chart.doctor().token(), "Encounter/not-a-uuid").statusCode())
                .isEqualTo(404);

        var granted = fhir(relative.token(), "Encounter?patient=" + patient);
        assertValid(granted.body());
        assertThat(ids(bundle(granted))).containsExactly(chart.exam2021(), chart.stay());
        assertThat(fhir(relative.token(), "Encounter/" + chart.stay()).statusCode())
                .isEqualTo(200);
        // Without a patient named, a grantee's search covers their own record and the granted one.
        assertThat(ids(bundle(fhir(relative.token(), "Encounter")))).containsExactly(chart.exam2021(), chart.stay());

        var before = audit(chart.patient()).size();
        fhir(chart.doctor().token(), "Encounter/" + chart.stay());
        assertThat(audit(chart.patient()).subList(before, audit(chart.patient()).size()))
                .containsExactly("RECORD_VIEW SUCCESS");
        before = audit(chart.patient()).size();
        fhir(chart.doctor().token(), "Condition?patient=" + patient);
        assertThat(audit(chart.patient()).subList(before, audit(chart.patient()).size()))
                .containsExactly("RECORD_VIEW SUCCESS");
        before = audit(chart.patient()).size();
        fhir(otherDoctor.token(), "Encounter?patient=" + patient);
        assertThat(audit(chart.patient()).subList(before, audit(chart.patient()).size()))
                .containsExactly("RECORD_VIEW DENIED");
    }

    @Test
    void searchesArePagedAndStaffMustNameThePatientAndUnknownParametersAreRefused() {
        var chart = chart();
        var client = client(chart.doctor().token());
        var first = client.search()
                .forResource(Encounter.class)
                .where(Encounter.PATIENT.hasId(chart.patient().id()))
                .count(2)
                .returnBundle(Bundle.class)
                .execute();
        assertValid(first);
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getLink(Bundle.LINK_NEXT)).isNotNull();
        var second = client.loadPage().next(first).execute();
        assertValid(second);
        var all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).containsExactly(chart.exam2021(), chart.stay(), chart.exam2016());

        var unnamed = fhir(chart.doctor().token(), "Condition?code=I10", "Accept-Language", "en");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertValid(unnamed.body());
        assertThat(unnamed.body()).contains("Name the patient");
        assertThat(fhir(chart.doctor().token(), "Condition?code=I10").body()).contains("Укажите пациента");
        var unknown = fhir(
                chart.doctor().token(),
                "Encounter?patient=" + chart.patient().id() + "&colour=red",
                "Accept-Language",
                "en");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("is not supported for Encounter");
        var prefix = fhir(
                chart.doctor().token(),
                "Encounter?patient=" + chart.patient().id() + "&date=ne2020",
                "Accept-Language",
                "en");
        assertThat(prefix.statusCode()).isEqualTo(400);
        assertThat(prefix.body()).contains("date prefix");
        assertThat(fhir(null, "Encounter?patient=" + chart.patient().id()).statusCode())
                .isEqualTo(401);
    }
}
