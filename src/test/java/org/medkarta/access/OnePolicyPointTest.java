package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class OnePolicyPointTest {

    private static final String[] RECORD_DATA = {"org.medkarta.record..", "org.medkarta.fhir.."};

    /**
     * Imported once for the class, without following references out of the product: the rules
     * look only at the product's own types (AccessDecision, PatientId), and resolving Spring's,
     * HAPI's and the JDK's classes from the class path made each import take a minute.
     */
    private static final JavaClasses product = importProductOnly();

    private static JavaClasses importProductOnly() {
        var configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.medkarta");
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    @Test
    void nothingOutsideTheAccessModuleMakesAnAccessDecision() {
        OnePolicyPoint.onlyAccessMakesDecisions().check(product);
        OnePolicyPoint.decisionConstructorsAreNotPublic().check(product);
    }

    @Test
    void publicRecordAndFhirOperationsTakeADecisionInsteadOfAPatientId() {
        OnePolicyPoint.recordOperationsTakeADecision(RECORD_DATA).check(product);
    }

    @Test
    void theRuleRefusesAPublicRecordMethodTakingAPatientIdAndAcceptsOneTakingADecision() {
        var fixtures = new ClassFileImporter().importPackages("org.medkarta.access.fixture");
        var result = OnePolicyPoint.recordOperationsTakeADecision("org.medkarta.access.fixture.record..")
                .evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("LeakyRecords.entries(org.medkarta.shared.PatientId)"))
                .noneMatch(line -> line.contains("GuardedRecords"))
                .noneMatch(line -> line.contains("EntryView"));
    }
}
