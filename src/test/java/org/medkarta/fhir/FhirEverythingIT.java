package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** {@code Patient/{id}/$everything}: the record as its reader may see it, paged, valid, portable and audited. */
class FhirEverythingIT extends FhirResultsSupport {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\":\"([^\"]+)\"");

    /** Every page of {@code $everything} through HAPI's client and its next links, each page validated. */
    List<Resource> everything(String token, String patient, int count) {
        var client = client(token);
        var parameters = new Parameters();
        parameters.addParameter("_count", new org.hl7.fhir.r4.model.IntegerType(count));
        Bundle page = client.operation()
                .onInstance("Patient/" + patient)
                .named("$everything")
                .withParameters(parameters)
                .useHttpGet()
                .returnResourceType(Bundle.class)
                .execute();
        var all = new ArrayList<Resource>();
        int total = page.getTotal();
        while (true) {
            assertThat(page.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
            assertThat(page.getEntry()).hasSizeLessThanOrEqualTo(count);
            assertValid(page);
            page.getEntry().forEach(entry -> {
                assertThat(entry.getFullUrl())
                        .endsWith("/fhir/" + entry.getResource().fhirType() + "/"
                                + entry.getResource().getIdElement().getIdPart());
                all.add(entry.getResource());
            });
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            page = client.loadPage().next(page).execute();
        }
        assertThat(all).hasSize(total);
        return all;
    }

    static Map<String, Long> countByType(List<Resource> resources) {
        return resources.stream()
                .collect(Collectors.groupingBy(Resource::fhirType, LinkedHashMap::new, Collectors.counting()));
    }

    @Test
    void aClinicianInCarePagesThroughTheWholeRecordAndEveryPageValidates() {
        var chart = chart();
        String patient = chart.patient().id();
        long seq = lastAuditSeq();

        var all = everything(chart.doctor().token(), patient, 3);

        assertThat(all.get(0).fhirType()).isEqualTo("Patient");
        assertThat(all.get(0).getIdElement().getIdPart()).isEqualTo(patient);
        var types = countByType(all);
        assertThat(types.keySet())
                .containsExactly(
                        "Patient",
                        "Encounter",
                        "Condition",
                        "Observation",
                        "DiagnosticReport",
                        "DocumentReference",
                        "MedicationRequest",
                        "Immunization");
        // The same resources the searches of each type find, no more and no fewer.
        for (var type : types.entrySet()) {
            if (!type.getKey().equals("Patient")) {
                var search = search(chart.doctor().token(), type.getKey() + "?patient=" + patient + "&_count=200");
                assertThat(search.getTotal())
                        .as(type.getKey())
                        .isEqualTo(type.getValue().intValue());
            }
        }
        assertThat(all.stream().map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()))
                .doesNotHaveDuplicates();
        // Each page opened the record once, under the clinician's own grounds.
        assertThat(auditSince(seq, chart.patient()))
                .isNotEmpty()
                .allMatch(line -> line.equals("CLINICIAN RECORD_VIEW SUCCESS"));
    }

    @Test
    void everyReferenceResolvesInsideTheBundleOrOnThisServer() {
        var chart = chart();
        var response = fhir(chart.doctor().token(), "Patient/" + chart.patient().id() + "/$everything?_count=200");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertValid(response.body());
        var bundle = bundle(response);
        var inside = bundle.getEntry().stream()
                .map(entry -> entry.getResource().fhirType() + "/"
                        + entry.getResource().getIdElement().getIdPart())
                .collect(Collectors.toSet());
        var matcher = REFERENCE.matcher(response.body());
        int references = 0;
        while (matcher.find()) {
            references++;
            String reference = matcher.group(1);
            if (!inside.contains(reference)) {
                assertThat(reference).matches("(Practitioner|PractitionerRole|Organization)/[0-9a-f-]{36}");
                assertThat(fhir(chart.doctor().token(), reference).statusCode())
                        .as(reference)
                        .isEqualTo(200);
            }
        }
        assertThat(references).isGreaterThan(bundle.getEntry().size() - 1);
    }

    @Test
    void thePatientSeesWhatTheirAccountShowsAndStrangersGetNotFound() {
        var chart = chart();
        String patient = chart.patient().id();

        var own = countByType(everything(chart.patient().token(), patient, 200));
        assertThat(own).containsKey("Patient").containsKey("Observation").containsKey("DocumentReference");
        // Order 003, Appendix 1: diagnoses, prescriptions and vaccinations are not shown in the patient account.
        assertThat(own).doesNotContainKeys("Condition", "MedicationRequest", "Immunization");

        var stranger = patient();
        var otherDoctor = doctor();
        for (String token : List.of(stranger.token(), otherDoctor.token())) {
            var refused = fhir(token, "Patient/" + patient + "/$everything");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
            assertThat(FHIR.newJsonParser()
                            .parseResource(OperationOutcome.class, refused.body())
                            .getIssueFirstRep()
                            .getCode())
                    .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        }
        assertThat(fhir(chart.doctor().token(), "Patient/" + java.util.UUID.randomUUID() + "/$everything")
                        .statusCode())
                .isEqualTo(404);
        var anonymous = fhir(null, "Patient/" + patient + "/$everything");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("OperationOutcome");
    }

    @Test
    void typeNarrowsTheTypesAndPostAnswersAsGet() {
        var chart = chart();
        String patient = chart.patient().id();
        var narrowed = fhir(chart.doctor().token(), "Patient/" + patient + "/$everything?_type=Condition,Encounter");
        assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
        assertThat(countByType(bundle(narrowed).getEntry().stream()
                        .map(Bundle.BundleEntryComponent::getResource)
                        .toList()))
                .containsOnlyKeys("Patient", "Condition", "Encounter");

        var unknown = fhir(chart.doctor().token(), "Patient/" + patient + "/$everything?_type=Spaceship");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("OperationOutcome");

        var posted = client(chart.doctor().token())
                .operation()
                .onInstance("Patient/" + patient)
                .named("$everything")
                .withNoParameters(Parameters.class)
                .returnResourceType(Bundle.class)
                .execute();
        assertThat(posted.getTotal())
                .isEqualTo(bundle(fhir(chart.doctor().token(), "Patient/" + patient + "/$everything"))
                        .getTotal());
        assertThat(posted.getEntry()).hasSize(Math.min(posted.getTotal(), Pages.DEFAULT));
    }
}
