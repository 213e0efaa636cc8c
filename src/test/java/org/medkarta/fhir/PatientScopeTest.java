package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.PatientId;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The patient compartment's shared helpers alone: references, date ranges, tokens. */
class PatientScopeTest {

    private final PatientScope scope = new PatientScope(null, messages(), new AcceptHeaderLocaleResolver());

    private static StaticMessageSource messages() {
        var messages = new StaticMessageSource();
        messages.addMessage("fhir.date-prefix", Locale.getDefault(), "prefix {0}");
        messages.addMessage("fhir.date-invalid", Locale.getDefault(), "invalid {0}");
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }

    @Test
    void aPatientReferenceIsTypedBareOrAbsoluteAndAnythingElseNamesNobody() {
        var id = UUID.randomUUID();
        var patient = new PatientId(id);
        assertThat(PatientScope.patientOf(new ReferenceParam("Patient/" + id))).contains(patient);
        assertThat(PatientScope.patientOf(new ReferenceParam(id.toString()))).contains(patient);
        assertThat(PatientScope.patientOf(new ReferenceParam("https://other.example/fhir/Patient/" + id)))
                .contains(patient);
        assertThat(PatientScope.patientOf(new ReferenceParam("Patient", null, id.toString())))
                .contains(patient);
        assertThat(PatientScope.patientOf(new ReferenceParam("Practitioner/" + id)))
                .isEmpty();
        assertThat(PatientScope.patientOf(new ReferenceParam("Patient/12"))).isEmpty();
        assertThat(PatientScope.patientOf(new ReferenceParam(""))).isEmpty();
        assertThat(PatientScope.patientOf(new ReferenceParam("Patient", "name", "Иванов")))
                .isEmpty();
    }

    @Test
    void aDateStandsForItsWholePeriodInMoscowAndPrefixesPlaceTheRange() {
        var day = scope.range(new DateRangeParam(new DateParam("2024-03-05")));
        assertThat(day.from()).isEqualTo(Instant.parse("2024-03-04T21:00:00Z"));
        assertThat(day.to()).isEqualTo(Instant.parse("2024-03-05T21:00:00Z"));
        assertThat(day.fromDay()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(day.toDay()).isEqualTo(LocalDate.of(2024, 3, 5));

        var year = scope.range(new DateRangeParam(new DateParam("ge2024"), new DateParam("lt2025-02")));
        assertThat(year.contains(LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(year.contains(LocalDate.of(2025, 1, 31))).isTrue();
        assertThat(year.contains(LocalDate.of(2025, 2, 1))).isFalse();
        assertThat(year.contains(LocalDate.of(2023, 12, 31))).isFalse();

        var after = scope.range(new DateRangeParam(new DateParam("gt2024-03-05"), null));
        assertThat(after.contains(LocalDate.of(2024, 3, 5))).isFalse();
        assertThat(after.contains(LocalDate.of(2024, 3, 6))).isTrue();
        var upTo = scope.range(new DateRangeParam(null, new DateParam("le2024-03-05")));
        assertThat(upTo.contains(LocalDate.of(2024, 3, 5))).isTrue();
        assertThat(upTo.contains(LocalDate.of(2024, 3, 6))).isFalse();

        var instant = scope.range(new DateRangeParam(new DateParam("ge2024-03-05T10:00:00Z"), null));
        assertThat(instant.contains(Instant.parse("2024-03-05T10:00:00Z"))).isTrue();
        assertThat(instant.contains(Instant.parse("2024-03-05T09:59:59Z"))).isFalse();

        assertThat(scope.range(null)).isEqualTo(PatientScope.Range.ALL);
        assertThat(new PatientScope.Range(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void tokensMatchCodeAloneSystemAndCodeNoSystemOrAWholeSystem() {
        String icd = Systems.ICD10;
        assertThat(PatientScope.matches(new TokenParam(null, "i10"), icd, "I10"))
                .isTrue();
        assertThat(PatientScope.matches(new TokenParam(icd, "I10"), icd, "I10")).isTrue();
        assertThat(PatientScope.matches(new TokenParam("http://snomed.info/sct", "I10"), icd, "I10"))
                .isFalse();
        assertThat(PatientScope.matches(new TokenParam("", "I10"), icd, "I10")).isFalse();
        assertThat(PatientScope.matches(new TokenParam("", "I10"), null, "I10")).isTrue();
        assertThat(PatientScope.matches(new TokenParam(icd, ""), icd, "J06.9")).isTrue();
        assertThat(PatientScope.matches((TokenParam) null, icd, "I10")).isTrue();
    }
}
