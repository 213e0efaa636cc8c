package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.TestClinics;
import org.springframework.beans.factory.annotation.Autowired;

/** The public directory through FHIR: clinics as Organizations, read and searched anonymously. */
class FhirDirectoryIT extends FhirSupport {

    @Autowired
    ClinicFacades clinics;

    @Test
    void aClinicIsAnOrganizationThatValidatesAndIsFoundByName() {
        var clinic = TestClinics.register(clinics, "Поликлиника Ёлкино " + System.nanoTime());

        var read = fhir(null, "Organization/" + clinic.id().value());
        assertThat(read.statusCode()).isEqualTo(200);
        assertValid(read.body());

        var found = client(null)
                .search()
                .forResource(Organization.class)
                .where(Organization.NAME.matches().value("елкино"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry())
                .extracting(entry -> entry.getResource().getIdElement().getIdPart())
                .contains(clinic.id().value().toString());
        assertValid(found);
    }

    @Test
    void searchesArePagedWithNextLinksTheClientFollows() {
        for (int i = 0; i < 3; i++) {
            TestClinics.register(clinics, "Пагинация " + i);
        }
        var client = client(null);
        var first = client.search()
                .forResource(Organization.class)
                .where(Organization.NAME.matches().value("Пагинация"))
                .count(2)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getLink(Bundle.LINK_NEXT)).isNotNull();
        var second = client.loadPage().next(first).execute();
        assertThat(second.getEntry()).isNotEmpty();
        assertThat(second.getEntry().get(0).getResource().getIdElement().getIdPart())
                .isNotIn(first.getEntry().stream()
                        .map(entry -> entry.getResource().getIdElement().getIdPart())
                        .toList());
    }

    @Test
    void anUnknownSearchParameterIsRefusedUnlessTheClientAsksForLenience() {
        var strict = fhir(null, "Organization?colour=blue");
        assertThat(strict.statusCode()).isEqualTo(400);
        var outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, strict.body());
        assertThat(outcome.getIssueFirstRep().getDiagnostics())
                .contains("colour")
                .contains("name");
        assertValid(strict.body());

        var english = fhir(null, "Organization?colour=blue", "Accept-Language", "en");
        assertThat(english.body()).contains("is not supported for Organization");

        assertThat(fhir(null, "Organization?colour=blue", "Prefer", "handling=lenient")
                        .statusCode())
                .isEqualTo(200);
        assertThat(fhir(null, "Organization?_has:Patient:organization:name=x").statusCode())
                .isEqualTo(400);
    }

    @Test
    void anUnknownOrMalformedIdIsNotFoundWithAnOperationOutcome() {
        for (String id : new String[] {"00000000-0000-0000-0000-000000000000", "not-a-uuid"}) {
            var missing = fhir(null, "Organization/" + id);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("OperationOutcome").doesNotContain("Exception");
            assertValid(missing.body());
        }
    }

    @Test
    void theCapabilityStatementValidatesAndNamesOrganizationSearch() {
        var metadata = fhir(null, "metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"Organization\"").contains("address-state");
        assertValid(metadata.body());
    }

    @Test
    void aForgedTokenIsRefusedWithAnOperationOutcome() {
        var refused = fhir("eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "Organization");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertValid(refused.body());
    }
}
