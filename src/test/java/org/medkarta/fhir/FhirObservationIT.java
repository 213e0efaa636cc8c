package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

/** Laboratory results and diary readings as Observations, within the records the access module opens. */
class FhirObservationIT extends FhirResultsSupport {

    /** A record with three laboratory results and a reading of every diary measure; their ids by name. */
    private Map<String, String> filled(Person patient, Person doctor) {
        var ids = new HashMap<String, String>();
        ids.put("hgb", lab(doctor, patient, "2021-03-01", "HGB", "Гемоглобин", "175", "g/L", "130", "170"));
        ids.put("glu", lab(doctor, patient, "2022-05-10", "GLU", "Глюкоза", "5.0", "mmol/L", "3.9", "6.1"));
        ids.put("xyz", lab(doctor, patient, "2023-01-01", "XYZ", "Редкий анализ", "12", "у.е.", null, null));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ids.put(
                "bp",
                reading(
                        patient,
                        now.minus(Duration.ofHours(7)),
                        "measure",
                        "BLOOD_PRESSURE",
                        "systolic",
                        "135",
                        "diastolic",
                        "85"));
        ids.put("pulse", reading(patient, now.minus(Duration.ofHours(6)), "measure", "PULSE", "value", "72"));
        ids.put("weight", reading(patient, now.minus(Duration.ofHours(5)), "measure", "WEIGHT", "value", "70.5"));
        ids.put(
                "temperature",
                reading(patient, now.minus(Duration.ofHours(4)), "measure", "TEMPERATURE", "value", "36.6"));
        ids.put("spo2", reading(patient, now.minus(Duration.ofHours(3)), "measure", "SPO2", "value", "98"));
        ids.put("glucose", reading(patient, now.minus(Duration.ofHours(2)), "measure", "GLUCOSE", "value", "5.5"));
        ids.put(
                "steps",
                reading(
                        patient,
                        now.minus(Duration.ofHours(1)),
                        "measure",
                        "CUSTOM",
                        "name",
                        "Шаги",
                        "unit",
                        "шаг",
                        "value",
                        "8000"));
        return ids;
    }

    @Test
    void everyResultAndReadingIsAnObservationThatValidates() {
        var patient = patient();
        var doctor = doctor(patient);
        var ids = filled(patient, doctor);

        for (var id : ids.values()) {
            read(patient.token(), "Observation/" + id);
        }
        var hgb = FHIR.newJsonParser()
                .parseResource(
                        Observation.class,
                        read(patient.token(), "Observation/" + ids.get("hgb")).body());
        assertThat(hgb.getCode().getCoding()).anySatisfy(coding -> {
            assertThat(coding.getSystem()).isEqualTo("http://loinc.org");
            assertThat(coding.getCode()).isEqualTo("718-7");
        });
        assertThat(hgb.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("laboratory");
        assertThat(hgb.getValueQuantity().getValue()).isEqualByComparingTo("175");
        assertThat(hgb.getValueQuantity().getCode()).isEqualTo("g/L");
        assertThat(hgb.getInterpretationFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("H");
        assertThat(hgb.getReferenceRangeFirstRep().getLow().getValue()).isEqualByComparingTo("130");
        assertThat(hgb.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("170");
        assertThat(hgb.getSubject().getReference()).isEqualTo("Patient/" + patient.id());

        var bp = FHIR.newJsonParser()
                .parseResource(
                        Observation.class,
                        read(patient.token(), "Observation/" + ids.get("bp")).body());
        assertThat(bp.getCode().getCodingFirstRep().getCode()).isEqualTo("85354-9");
        assertThat(bp.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
        assertThat(bp.getComponent())
                .extracting(component -> component.getCode().getCodingFirstRep().getCode())
                .containsExactly("8480-6", "8462-4");
        assertThat(bp.getComponent())
                .extracting(component -> ((Quantity) component.getValue()).getCode())
                .containsOnly("mm[Hg]");

        var all = search(patient.token(), "Observation?patient=" + patient.id());
        assertThat(all.getTotal()).isEqualTo(10);
        assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(ids.values());
    }

    @Test
    void searchesByCategoryCodeAndDateWithPrefixes() {
        var patient = patient();
        var doctor = doctor(patient);
        var ids = filled(patient, doctor);
        String base = "Observation?subject=Patient/" + patient.id();

        assertThat(ids(search(patient.token(), base + "&category=vital-signs")))
                .containsExactlyInAnyOrder(
                        ids.get("bp"), ids.get("pulse"), ids.get("weight"), ids.get("temperature"), ids.get("spo2"));
        assertThat(ids(search(
                        patient.token(),
                        base + "&category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory")))
                .containsExactlyInAnyOrder(ids.get("hgb"), ids.get("glu"), ids.get("xyz"), ids.get("glucose"));

        assertThat(ids(search(patient.token(), base + "&code=http://loinc.org|718-7")))
                .containsExactly(ids.get("hgb"));
        assertThat(ids(search(patient.token(), base + "&code=718-7"))).containsExactly(ids.get("hgb"));
        assertThat(ids(search(patient.token(), base + "&code=http://loinc.org|85354-9")))
                .containsExactly(ids.get("bp"));
        assertThat(ids(search(patient.token(), base + "&code=http://loinc.org|8867-4,http://loinc.org|29463-7")))
                .containsExactlyInAnyOrder(ids.get("pulse"), ids.get("weight"));
        assertThat(ids(search(patient.token(), base + "&code=https://medkarta.org/fhir/CodeSystem/lab-test|XYZ")))
                .containsExactly(ids.get("xyz"));
        assertThat(ids(search(patient.token(), base + "&code=http://snomed.info/sct|718-7")))
                .isEmpty();
        assertThat(ids(search(patient.token(), base + "&code=http://loinc.org|718-7&category=vital-signs")))
                .isEmpty();

        assertThat(ids(search(patient.token(), base + "&category=laboratory&date=ge2022-01-01")))
                .containsExactlyInAnyOrder(ids.get("glu"), ids.get("xyz"), ids.get("glucose"));
        assertThat(ids(search(patient.token(), base + "&category=laboratory&date=lt2022-05-10")))
                .containsExactly(ids.get("hgb"));
        assertThat(ids(search(patient.token(), base + "&category=laboratory&date=le2022-05-10")))
                .containsExactlyInAnyOrder(ids.get("hgb"), ids.get("glu"));
        assertThat(ids(search(patient.token(), base + "&category=laboratory&date=gt2022-05-10&date=lt2024-01-01")))
                .containsExactly(ids.get("xyz"));
        assertThat(ids(search(patient.token(), base + "&date=2021-03"))).containsExactly(ids.get("hgb"));
        String hourAgo = clock.instant()
                .minus(Duration.ofMinutes(90))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(ids(search(patient.token(), base + "&category=laboratory,vital-signs&date=gt" + hourAgo)))
                .isEmpty();
        assertThat(ids(search(patient.token(), base + "&date=gt" + hourAgo))).containsExactly(ids.get("steps"));

        String yesterday = clock.instant()
                .minus(Duration.ofDays(1))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(search(patient.token(), base + "&_lastUpdated=ge" + yesterday)
                        .getTotal())
                .isEqualTo(10);
        assertThat(search(patient.token(), base + "&_lastUpdated=lt2000-01-01").getTotal())
                .isZero();
    }

    @Test
    void aSearchIsPagedWithNextLinksAndSortedByDate() {
        var patient = patient();
        var doctor = doctor(patient);
        var ids = filled(patient, doctor);

        var client = client(patient.token());
        var first = client.search()
                .forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patient.id()))
                .sort()
                .ascending(Observation.DATE)
                .count(4)
                .returnBundle(Bundle.class)
                .execute();
        assertValid(first);
        assertThat(first.getTotal()).isEqualTo(10);
        assertThat(ids(first)).hasSize(4).startsWith(ids.get("hgb"), ids.get("glu"), ids.get("xyz"));
        assertThat(first.getLink(Bundle.LINK_NEXT)).isNotNull();
        var second = client.loadPage().next(first).execute();
        assertValid(second);
        assertThat(ids(second)).hasSize(4).doesNotContainAnyElementsOf(ids(first));
        var third = client.loadPage().next(second).execute();
        assertThat(ids(third)).hasSize(2).containsExactly(ids.get("glucose"), ids.get("steps"));
        assertThat(third.getLink(Bundle.LINK_NEXT)).isNull();

        var newest = search(patient.token(), "Observation?patient=" + patient.id() + "&_sort=-date&_count=1");
        assertThat(ids(newest)).containsExactly(ids.get("steps"));
    }

    @Test
    void anotherPatientsResultsAreNotFoundAndNeverCountedAndEachRequestIsAuditedOnce() {
        var patient = patient();
        var doctor = doctor(patient);
        var ids = filled(patient, doctor);
        var stranger = patient();
        var otherDoctor = doctor();

        for (var outsider : new Person[] {stranger, otherDoctor}) {
            long before = lastAuditSeq();
            var refused = fhir(outsider.token(), "Observation/" + ids.get("hgb"));
            assertThat(refused.statusCode()).isEqualTo(404);
            assertValid(refused.body());
            assertThat(auditSince(before, patient)).hasSize(1).allMatch(entry -> entry.endsWith("DENIED"));

            before = lastAuditSeq();
            var none = search(outsider.token(), "Observation?patient=" + patient.id());
            assertThat(none.getTotal()).isZero();
            assertThat(none.getEntry()).isEmpty();
            assertThat(auditSince(before, patient)).hasSize(1);
        }
        // The stranger's own search (no patient named) is of their own, empty record.
        assertThat(search(stranger.token(), "Observation").getTotal()).isZero();

        long before = lastAuditSeq();
        assertThat(search(patient.token(), "Observation").getTotal()).isEqualTo(10);
        assertThat(auditSince(before, patient)).containsExactly("SELF RECORD_VIEW SUCCESS");
        before = lastAuditSeq();
        read(doctor.token(), "Observation/" + ids.get("bp"));
        assertThat(auditSince(before, patient)).containsExactly("CLINICIAN RECORD_VIEW SUCCESS");
    }

    @Test
    void thePatientAccountShowsResultsFromTwentyNineteenAndTheClinicianTheWholeRecord() {
        var patient = patient();
        var doctor = doctor(patient);
        String old = lab(doctor, patient, "2018-12-31", "HGB", "Гемоглобин 2018", "140", "g/L", "130", "170");
        String shown = lab(doctor, patient, "2019-01-01", "HGB", "Гемоглобин 2019", "141", "g/L", "130", "170");

        assertThat(ids(search(patient.token(), "Observation?patient=" + patient.id())))
                .containsExactly(shown);
        assertThat(fhir(patient.token(), "Observation/" + old).statusCode()).isEqualTo(404);
        assertThat(ids(search(doctor.token(), "Observation?patient=" + patient.id())))
                .containsExactlyInAnyOrder(old, shown);
        read(doctor.token(), "Observation/" + old);

        var grantee = patient();
        grant(patient, grantee, "VIEW");
        assertThat(ids(search(grantee.token(), "Observation?patient=Patient/" + patient.id())))
                .containsExactly(shown);
    }

    @Test
    void aSearchWithoutAPatientByACallerWithoutARecordIsRefusedInTheirLanguage() {
        var doctor = doctor();
        var russian = fhir(doctor.token(), "Observation?code=718-7");
        assertThat(russian.statusCode()).isEqualTo(400);
        assertValid(russian.body());
        assertThat(FHIR.newJsonParser()
                        .parseResource(OperationOutcome.class, russian.body())
                        .getIssueFirstRep()
                        .getDiagnostics())
                .contains("Укажите пациента");

        var english = fhir(doctor.token(), "Observation?code=718-7", "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("Name the patient");

        assertThat(fhir(null, "Observation?code=718-7").statusCode()).isEqualTo(401);

        var patient = patient();
        var sorted = fhir(patient.token(), "Observation?_sort=code", "Accept-Language", "en");
        assertThat(sorted.statusCode()).isEqualTo(400);
        assertValid(sorted.body());
        assertThat(sorted.body()).contains("can be sorted by");
        var modified = fhir(patient.token(), "Observation?code:text=glucose");
        assertThat(modified.statusCode()).isEqualTo(400);
        assertThat(modified.body()).contains("Модификатор");
        var prefix = fhir(patient.token(), "Observation?date=ap2024-01-01", "Accept-Language", "en");
        assertThat(prefix.statusCode()).isEqualTo(400);
        assertValid(prefix.body());
        assertThat(fhir(doctor.token(), "Observation?colour=red").statusCode()).isEqualTo(400);
    }
}
