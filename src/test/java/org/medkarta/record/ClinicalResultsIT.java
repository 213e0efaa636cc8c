package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAction;
import org.medkarta.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A record's results for standard interfaces (SPEC I2): one list over the records the access
 * decisions opened, filtered, counted and paged, nothing of another record; a result named by its
 * id alone tells whose record holds it and nothing more.
 */
class ClinicalResultsIT extends RecordSupport {

    @Autowired
    ClinicalResults clinicalResults;

    @Test
    void theResultsOfTheOpenedRecordsComeFilteredCountedAndPagedAndNothingOfAnotherRecord() {
        var patient = patient();
        var other = patient();
        var doctor = doctor(patient, other);
        String first = file(doctor, patient, "LAB_RESULT", lab("2021-01-10", "HGB", "Гемоглобин", "110", "g/L"));
        String second = file(doctor, patient, "LAB_RESULT", lab("2022-01-10", "GLU", "Глюкоза", "5.1", "mmol/L"));
        String others = file(doctor, other, "LAB_RESULT", lab("2022-02-10", "HGB", "Гемоглобин", "150", "g/L"));
        var opened = access.require(doctor.user(), patient.patientId(), RecordAction.VIEW);

        var all = clinicalResults.results(List.of(opened), labs(null, 0, 10));
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items()).extracting(item -> item.entry().id().toString()).containsExactly(first, second);
        assertThat(all.items()).allSatisfy(item -> assertThat(item.patient()).isEqualTo(patient.patientId()));

        var hgb = clinicalResults.results(List.of(opened), labs(Set.of("HGB"), 0, 10));
        assertThat(hgb.items()).extracting(item -> item.entry().id().toString()).containsExactly(first);
        var secondPage = clinicalResults.results(List.of(opened), labs(null, 1, 1));
        assertThat(secondPage.total()).isEqualTo(2);
        assertThat(secondPage.items())
                .extracting(item -> item.entry().id().toString())
                .containsExactly(second);

        var both = clinicalResults.results(
                List.of(opened, access.require(doctor.user(), other.patientId(), RecordAction.VIEW)),
                labs(null, 0, 10));
        assertThat(both.total()).isEqualTo(3);
        assertThat(both.items())
                .extracting(item -> item.entry().id().toString())
                .contains(others);
    }

    @Test
    void aResultNamedByItsIdTellsItsRecordAndAStrangerOpensNoRecordToReadItFrom() {
        var patient = patient();
        var stranger = patient();
        var doctor = doctor(patient);
        String entry = file(doctor, patient, "LAB_RESULT", lab("2021-01-10", "HGB", "Гемоглобин", "110", "g/L"));

        assertThat(clinicalResults.recordOf(UUID.fromString(entry))).contains(patient.patientId());
        assertThat(clinicalResults.recordOf(UUID.randomUUID())).isEmpty();
        assertThatThrownBy(() -> access.require(stranger.user(), patient.patientId(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
        var own = access.require(stranger.user(), stranger.patientId(), RecordAction.VIEW);
        assertThat(clinicalResults.results(List.of(own), labs(null, 0, 10)).total())
                .isZero();
    }

    private static RecordQuery labs(Set<String> codes, int offset, int count) {
        return new RecordQuery(
                null,
                Set.of(EntryType.LAB_RESULT),
                codes,
                null,
                Set.of(),
                Set.of(),
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                true,
                offset,
                count);
    }

    private static Object[] lab(String date, String code, String name, String value, String unit) {
        return new Object[] {"date", date, "testCode", code, "testName", name, "value", value, "unit", unit};
    }
}
