package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.InvalidInput;

/** Entry forms: the laboratory flag, radiology, and the patient account's dates (Appendix 1). */
class EntryContentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void theFlagComesFromTheReferenceRange() {
        assertThat(EntryContent.flag(new BigDecimal("5"), new BigDecimal("3"), new BigDecimal("5")))
                .isEqualTo("N");
        assertThat(EntryContent.flag(new BigDecimal("5.01"), null, new BigDecimal("5")))
                .isEqualTo("H");
        assertThat(EntryContent.flag(new BigDecimal("2.9"), new BigDecimal("3"), null))
                .isEqualTo("L");
        assertThat(EntryContent.flag(new BigDecimal("2.9"), null, null)).isNull();
    }

    @Test
    void aLongConclusionIsKeyedByItsBeginningSoThatItFitsItsColumn() {
        var report = EntryContent.of(
                EntryType.INSTRUMENTAL,
                Map.of(
                        "date",
                        "2020-01-01",
                        "modality",
                        "OTHER",
                        "study",
                        "ЭКГ",
                        "conclusion",
                        "Ритм синусовый. ".repeat(40)),
                TODAY);
        assertThat(report.valueKey()).hasSize(300);
        assertThat(report.fields().get("conclusion")).hasSize(639);
    }

    @Test
    void radiologyConclusionsAreShownFromTwoThousandSixteenOtherStudiesFromTwoThousandNineteen() {
        var xray = EntryContent.of(
                EntryType.INSTRUMENTAL,
                Map.of("date", "2016-01-01", "modality", "mri", "study", "МРТ", "conclusion", "Норма"),
                TODAY);
        assertThat(xray.radiology()).isTrue();
        assertThat(EntryType.INSTRUMENTAL.shownToPatientFrom(true)).hasValue(LocalDate.of(2016, 1, 1));
        assertThat(EntryType.INSTRUMENTAL.shownToPatientFrom(false)).hasValue(LocalDate.of(2019, 1, 1));
        assertThat(EntryType.EXAM_PROTOCOL.shownToPatientFrom(false)).hasValue(LocalDate.of(2017, 1, 1));
        assertThat(EntryType.HOSPITALISATION.shownToPatientFrom(false)).hasValue(LocalDate.of(2019, 1, 1));
        assertThat(EntryType.LAB_RESULT.shownToPatientFrom(false)).hasValue(LocalDate.of(2019, 1, 1));
        assertThat(EntryType.DIAGNOSIS.shownToPatientFrom(false)).isEmpty();
    }

    @Test
    void everyWrongFieldIsNamed() {
        assertThatThrownBy(() -> EntryContent.of(
                        EntryType.HOSPITALISATION,
                        Map.of(
                                "admitted",
                                "2024-02-10",
                                "discharged",
                                "2024-02-01",
                                "department",
                                "",
                                "reason",
                                "x",
                                "outcome",
                                "y",
                                "summary",
                                "z"),
                        TODAY))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.errors().stream().map(InvalidInput.FieldError::field))
                                .containsExactlyInAnyOrder("discharged", "department"));
    }

    @Test
    void aProcedureIsKeyedByItsNameAndAnNmuCodeIsWrittenInCapitals() {
        var procedure = EntryContent.of(
                EntryType.PROCEDURE,
                Map.of("date", "2024-03-12", "code", "a16.20.036", "name", "Удаление зуба простое"),
                TODAY);
        assertThat(procedure.code()).isEqualTo("A16.20.036");
        assertThat(procedure.title()).isEqualTo("Удаление зуба простое");
        assertThat(procedure.valueKey()).isEqualTo("удаление зуба простое");
        assertThat(procedure.date()).isEqualTo(LocalDate.of(2024, 3, 12));
        var snomed = EntryContent.of(
                EntryType.PROCEDURE, Map.of("date", "2024-03-12", "code", "80146002", "name", "Аппендэктомия"), TODAY);
        assertThat(snomed.code()).isEqualTo("80146002");
        assertThat(EntryType.PROCEDURE.shownToPatient()).isFalse();
    }

    @Test
    void anAllergyIsDatedWhenRecordedKeyedByItsSubstanceAndItsChoicesAreChecked() {
        var allergy = EntryContent.of(
                EntryType.ALLERGY,
                Map.of(
                        "recorded", "2024-03-13",
                        "substance", "Лидокаин",
                        "category", "medication",
                        "clinicalStatus", "ACTIVE"),
                TODAY);
        assertThat(allergy.date()).isEqualTo(LocalDate.of(2024, 3, 13));
        assertThat(allergy.title()).isEqualTo("Лидокаин");
        assertThat(allergy.valueKey()).isEqualTo("лидокаин");
        assertThat(allergy.fields()).containsEntry("category", "MEDICATION");
        assertThat(EntryType.ALLERGY.shownToPatient()).isFalse();
        assertThatThrownBy(() -> EntryContent.of(
                        EntryType.ALLERGY,
                        Map.of("recorded", "2024-03-13", "substance", "Лидокаин", "criticality", "SEVERE"),
                        TODAY))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.errors().stream().map(InvalidInput.FieldError::field))
                                .containsExactlyInAnyOrder("category", "criticality", "clinicalStatus"));
    }
}
