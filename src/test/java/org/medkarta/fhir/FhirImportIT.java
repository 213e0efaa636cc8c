package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.record.ImportedSources;
import org.medkarta.testing.SyntheaCohort;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Importing records nobody here wrote (issue 15): a Synthea 3.3.0 cohort of our own seed comes in
 * through {@code POST /fhir} as a clinic's registry would send it; every resource is either a record
 * entry or a kept source document, read back as it came; the same cohort again adds nothing; a copy
 * from "another system" (new ids) with one value changed adds exactly that one, with a duplicate
 * warning; hostile Bundles leave nothing behind.
 */
class FhirImportIT extends FhirRecordSupport {

    private static final long SEED = 20261205L;
    private static final int PATIENTS = 20;
    private static List<Path> cohort;

    @BeforeAll
    static void generate() {
        cohort = SyntheaCohort.patients(SEED, PATIENTS, 5);
    }

    /** One clinic imports the cohort in every test: a record another clinic imported is not theirs. */
    private static org.medkarta.shared.ClinicId clinic;

    @Autowired
    RecordAccess access;

    @Autowired
    ImportedSources importedSources;

    private static String registrar;

    private String registrarToken() {
        if (clinic == null) {
            clinic = TestClinics.register(clinics, "Клиника импорта").id();
            registrar = identity.tokens()
                    .tokensFor(TestStaff.registrar(identity, clinic))
                    .accessToken();
        }
        return registrar;
    }

    private static Map<String, Integer> countsIn(Bundle bundle) {
        var counts = new TreeMap<String, Integer>();
        bundle.getEntry().forEach(entry -> counts.merge(entry.getResource().fhirType(), 1, Integer::sum));
        return counts;
    }

    private Map<String, Integer> countsInRecord(UUID patient) {
        var counts = new TreeMap<String, Integer>();
        jdbc.sql(
                        "SELECT resource_type, COUNT(*) FROM record_source_resource WHERE patient_id = :p GROUP BY resource_type")
                .param("p", patient)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .forEach(row -> counts.put(row.getKey(), row.getValue()));
        return counts;
    }

    private static UUID patientOf(Bundle response) {
        String location = response.getEntryFirstRep().getResponse().getLocation();
        return UUID.fromString(location.split("/")[1]);
    }

    @Test
    void aSyntheaCohortComesInWholeAndOnceOnly() throws IOException {
        String token = registrarToken();
        int resources = 0;
        long started = System.nanoTime();
        var patients = new HashMap<Path, UUID>();
        for (var file : cohort) {
            String body = Files.readString(file);
            var input = FHIR.newJsonParser().parseResource(Bundle.class, body);
            var response = postBundle(token, body);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers()
                            .firstValue(ImportProvider.REPORT_HEADER)
                            .orElseThrow())
                    .contains("refused=0");
            var answer = bundle(response);
            assertThat(answer.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
            assertThat(answer.getEntry()).hasSize(input.getEntry().size());
            UUID patient = patientOf(answer);
            patients.put(file, patient);
            // Every resource of the Bundle is in the record: an entry or a kept source document.
            assertThat(countsInRecord(patient)).isEqualTo(countsIn(input));
            resources += input.getEntry().size();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "Imported %d Synthea resources of %d patients in %.1f s: %.0f resources/s%n",
                resources, cohort.size(), seconds, resources / seconds);

        // The record's entries are what pages and searches use; they are the ones not kept apart.
        long entries = jdbc.sql("SELECT COUNT(*) FROM record_source_resource WHERE entry_id IS NOT NULL "
                        + "AND patient_id IN (:p)")
                .param("p", patients.values())
                .query(Long.class)
                .single();
        assertThat(entries).isGreaterThan(resources / 3);

        // The same cohort again: nothing new.
        long before = jdbc.sql("SELECT COUNT(*) FROM record_source_resource")
                .query(Long.class)
                .single();
        for (var file : cohort.subList(0, 3)) {
            var response = postBundle(token, Files.readString(file));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers()
                            .firstValue(ImportProvider.REPORT_HEADER)
                            .orElseThrow())
                    .startsWith("created=0; matched=1;")
                    .contains("kept=0; refused=0; warnings=0");
            assertThat(patientOf(bundle(response))).isEqualTo(patients.get(file));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_source_resource")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void anImportedResultReadsBackAsItCameAndValidates() throws IOException {
        String token = registrarToken();
        var file = cohort.get(1);
        var input = FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(file));
        var response = bundle(postBundle(token, Files.readString(file)));
        UUID patient = patientOf(response);
        // A doctor of the clinic with a referral for the patient: a care relationship (F4).
        var doctorView = org.medkarta.testing.TestCare.doctor(clinics, clinic);
        org.medkarta.testing.TestCare.refer(
                patientReferrals, new org.medkarta.shared.PatientId(patient), doctorView, clock.instant());
        var doctor = org.medkarta.testing.TestCare.signedIn(doctorView);
        String doctorToken = identity.tokens().tokensFor(doctor).accessToken();
        var own = fhir(doctorToken, "Patient/" + patient);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        // The source documents kept apart from the entries, as the record page counts them.
        var decision = access.require(doctor, new org.medkarta.shared.PatientId(patient), RecordAction.VIEW);
        assertThat(importedSources.keptCounts(decision).values().stream()
                        .mapToLong(Integer::longValue)
                        .sum())
                .isEqualTo(jdbc.sql("""
                                SELECT COUNT(*) FROM record_source_resource
                                WHERE patient_id = :p AND entry_id IS NULL AND resource_type <> 'Patient'
                                """).param("p", patient).query(Long.class).single());
        int checked = 0;
        for (int i = 0; i < input.getEntry().size() && checked < 40; i++) {
            var original = input.getEntry().get(i).getResource();
            String location = response.getEntry().get(i).getResponse().getLocation();
            if (!(original instanceof Observation observation) || !observation.hasValueQuantity()) {
                continue;
            }
            var read = fhir(doctorToken, location.substring(0, location.indexOf("/_history")));
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            var served = FHIR.newJsonParser().parseResource(Observation.class, read.body());
            assertThat(served.getCode().getCodingFirstRep().getCode())
                    .isEqualTo(observation.getCode().getCodingFirstRep().getCode());
            assertThat(served.getValueQuantity().getValue())
                    .isEqualByComparingTo(observation.getValueQuantity().getValue());
            assertThat(served.getValueQuantity().getCode())
                    .isEqualTo(observation.getValueQuantity().getCode());
            assertThat(served.getEffectiveDateTimeType().getValueAsString())
                    .isEqualTo(observation.getEffectiveDateTimeType().getValueAsString());
            assertThat(served.getSubject().getReference()).isEqualTo("Patient/" + patient);
            assertValid(read.body());
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void aCopyFromAnotherSystemWithOneValueChangedAddsThatOneWithAWarning() throws IOException {
        String token = registrarToken();
        var file = cohort.get(2);
        var first = postBundle(token, Files.readString(file));
        assertThat(first.statusCode()).isEqualTo(200);
        UUID patient = patientOf(bundle(first));
        long before = countsInRecord(patient).values().stream()
                .mapToLong(Integer::longValue)
                .sum();

        // Another system's export of the same record: every id new, one laboratory value changed.
        var copy = FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(file));
        var ids = new HashMap<String, String>();
        copy.getEntry().forEach(entry -> ids.put(entry.getFullUrl(), "urn:uuid:" + UUID.randomUUID()));
        String json = FHIR.newJsonParser().encodeResourceToString(copy);
        for (var id : ids.entrySet()) {
            json = json.replace(id.getKey(), id.getValue())
                    .replace(
                            id.getKey().substring("urn:uuid:".length()),
                            id.getValue().substring("urn:uuid:".length()));
        }
        var doctored = FHIR.newJsonParser().parseResource(Bundle.class, json);
        // The registry confirms the record it goes into by naming it: a namesake is never merged silently.
        doctored.getEntryFirstRep().getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + patient);
        var changed = doctored.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(resource -> resource instanceof Observation observation && observation.hasValueQuantity())
                .map(Observation.class::cast)
                .findFirst()
                .orElseThrow();
        changed.getValueQuantity()
                .setValue(changed.getValueQuantity().getValue().add(java.math.BigDecimal.ONE));

        var second = postBundle(token, FHIR.newJsonParser().encodeResourceToString(doctored));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(second.headers().firstValue(ImportProvider.REPORT_HEADER).orElseThrow())
                .startsWith("created=1; matched=1;")
                .endsWith("kept=0; refused=0; warnings=1");
        assertThat(countsInRecord(patient).values().stream()
                        .mapToLong(Integer::longValue)
                        .sum())
                .isEqualTo(before + 1);
        var warning = bundle(second).getEntry().stream()
                .map(entry -> entry.getResponse().getOutcome())
                .filter(outcome -> outcome instanceof OperationOutcome)
                .map(OperationOutcome.class::cast)
                .flatMap(outcome -> outcome.getIssue().stream())
                .filter(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.WARNING)
                .toList();
        assertThat(warning).hasSize(1);
    }

    @Test
    void aTransactionWithAReferenceToAnotherPatientsRecordLeavesNothingBehind() throws IOException {
        String token = registrarToken();
        var stranger = patient("Чужая", "Ольга", "1970-01-01");
        var bundle = FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(cohort.get(3)));
        var observation = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(resource -> resource instanceof Observation)
                .map(Observation.class::cast)
                .findFirst()
                .orElseThrow();
        observation.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/" + stranger.id()));
        long before = jdbc.sql("SELECT COUNT(*) FROM record_source_resource")
                .query(Long.class)
                .single();
        long accounts = jdbc.sql("SELECT COUNT(*) FROM identity_account")
                .query(Long.class)
                .single();
        var response = postBundle(token, FHIR.newJsonParser().encodeResourceToString(bundle));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        var outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssue()).hasSizeGreaterThan(1);
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_source_resource")
                        .query(Long.class)
                        .single())
                .as(response.body())
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_account")
                        .query(Long.class)
                        .single())
                .isEqualTo(accounts);
    }

    @Test
    void hostileBundlesGetAClearAnswer() {
        String token = registrarToken();
        assertThat(postBundle(token, "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postBundle(token, "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}")
                        .statusCode())
                .isEqualTo(400);
        var xxe = send(request("/fhir")
                .header("Content-Type", "application/fhir+xml")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("<?xml version=\"1.0\"?><!DOCTYPE b [<!ENTITY x SYSTEM "
                        + "\"file:///etc/passwd\">]><Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"batch\"/>"
                        + "<entry><resource><Patient><name><family value=\"&x;\"/></name></Patient></resource>"
                        + "</entry></Bundle>"))
                .build());
        assertThat(xxe.statusCode()).isBetween(400, 499);
        assertThat(xxe.body()).doesNotContain("root:");
        var big = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[");
        for (int i = 0; i < 20001; i++) {
            big.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Basic\"}}");
        }
        var tooMany = postBundle(token, big.append("]}").toString());
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(413);
        assertThat(postBundle("not-a-token", "{}").statusCode()).isEqualTo(401);
    }

    /**
     * The cohort goes out as it came in: every patient's {@code $everything}, paged with HAPI's client,
     * holds every resource of their Bundle with the same content (codes, values, units, dates, text)
     * and references pointing to the same resources under Medkarta's ids; a sending system's
     * practitioners and places stay references by identifier. Some pages are validated in full.
     */
    @Test
    void theCohortGoesOutAsItCameIn() throws IOException {
        String token = registrarToken();
        var doctorView = org.medkarta.testing.TestCare.doctor(clinics, clinic);
        String doctorToken = identity.tokens()
                .tokensFor(org.medkarta.testing.TestCare.signedIn(doctorView))
                .accessToken();
        var client = client(doctorToken);
        var differences = new java.util.ArrayList<String>();
        int compared = 0;
        int validated = 0;
        for (var file : cohort) {
            var input = FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(file));
            var response = bundle(postBundle(token, Files.readString(file)));
            UUID patient = patientOf(response);
            org.medkarta.testing.TestCare.refer(
                    patientReferrals, new org.medkarta.shared.PatientId(patient), doctorView, clock.instant());
            // What each input entry became: its Medkarta address.
            var addresses = new HashMap<String, String>();
            for (int i = 0; i < input.getEntry().size(); i++) {
                String location = response.getEntry().get(i).getResponse().getLocation();
                addresses.put(
                        input.getEntry().get(i).getFullUrl(), location.substring(0, location.indexOf("/_history")));
            }
            var exported = new HashMap<String, org.hl7.fhir.r4.model.Resource>();
            Bundle page = client.operation()
                    .onInstance(new org.hl7.fhir.r4.model.IdType("Patient", patient.toString()))
                    .named("$everything")
                    .withParameter(
                            org.hl7.fhir.r4.model.Parameters.class,
                            "_count",
                            new org.hl7.fhir.r4.model.IntegerType(200))
                    .useHttpGet()
                    .returnResourceType(Bundle.class)
                    .execute();
            while (page != null) {
                if (validated < 3) {
                    assertValid(page);
                    validated++;
                }
                page.getEntry()
                        .forEach(entry -> exported.put(
                                entry.getResource().fhirType() + "/"
                                        + entry.getResource().getIdElement().getIdPart(),
                                entry.getResource()));
                page = page.getLink(Bundle.LINK_NEXT) == null
                        ? null
                        : client.loadPage().next(page).execute();
            }
            for (var entry : input.getEntry()) {
                var original = entry.getResource();
                if (original instanceof org.hl7.fhir.r4.model.Patient) {
                    continue;
                }
                String address = addresses.get(entry.getFullUrl());
                var out = exported.get(address);
                if (out == null) {
                    differences.add(file.getFileName() + ": " + original.fhirType() + " missing from the export");
                    continue;
                }
                String in = canonical(original, addresses);
                String back = canonical(out, addresses);
                if (!in.equals(back)) {
                    differences.add(
                            file.getFileName() + ": " + address + " differs:\n  in:  " + in + "\n  out: " + back);
                }
                compared++;
            }
        }
        System.out.printf("Round trip: %d resources compared, %d differences%n", compared, differences.size());
        assertThat(differences)
                .as(String.join("\n", differences.subList(0, Math.min(5, differences.size()))))
                .isEmpty();
        assertThat(compared).isGreaterThan(5000);
    }

    /**
     * A resource without what the server owns (id, meta), each reference as the resource it names
     * (an input's {@code urn:uuid:} through the import's answer) or as the identifier it carries.
     */
    private static String canonical(org.hl7.fhir.r4.model.Resource resource, Map<String, String> addresses) {
        var copy = resource.copy();
        copy.setIdElement(null);
        copy.setMeta(null);
        for (var reference :
                FHIR.newTerser().getAllPopulatedChildElementsOfType(copy, org.hl7.fhir.r4.model.Reference.class)) {
            String target = reference.getReference();
            reference.setResource(null);
            if (target != null && target.contains("?identifier=")) {
                String token = java.net.URLDecoder.decode(
                        target.substring(target.indexOf("?identifier=") + 12), java.nio.charset.StandardCharsets.UTF_8);
                int bar = token.indexOf('|');
                reference.setReference(null);
                reference.setType(target.substring(0, target.indexOf('?')));
                reference.setIdentifier(new org.hl7.fhir.r4.model.Identifier()
                        .setSystem(token.substring(0, bar))
                        .setValue(token.substring(bar + 1)));
            } else if (target != null) {
                reference.setReference(addresses.getOrDefault(target, target));
            }
        }
        return FHIR.newJsonParser().encodeResourceToString(copy);
    }

    /**
     * A patient brings their file from another system: it goes into their own record only, every
     * entry marked patient-reported; nobody imports into a record they may not add to (404), and an
     * anonymous caller is asked to sign in.
     */
    @Test
    void aPatientImportsTheirOwnFileAsPatientReportedAndIntoNoOneElsesRecord() throws IOException {
        var owner = patient("Импортова", "Мария", "1985-02-03");
        var other = patient("Соседова", "Анна", "1979-07-07");
        var bundle = FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(cohort.get(5)));
        long before = jdbc.sql("SELECT COUNT(*) FROM record_source_resource")
                .query(Long.class)
                .single();

        var intoOther = importInto(owner.token(), other.id(), bundle);
        assertThat(intoOther.statusCode()).as(intoOther.body()).isEqualTo(404);
        assertThat(importInto(null, owner.id(), bundle).statusCode()).isEqualTo(401);
        var stranger = doctor();
        assertThat(importInto(stranger.token(), owner.id(), bundle).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_source_resource")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        var own = importInto(owner.token(), owner.id(), bundle);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        var report = FHIR.newJsonParser().parseResource(OperationOutcome.class, own.body());
        assertThat(report.getIssueFirstRep().getDiagnostics()).contains("refused=0");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM record_source_resource WHERE patient_id = :p AND NOT patient_reported")
                        .param("p", owner.patientId().value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_entry WHERE patient_id = :p AND source = 'PATIENT_IMPORT'")
                        .param("p", owner.patientId().value())
                        .query(Long.class)
                        .single())
                .isGreaterThan(10);
        // Their name is theirs, whatever the file said.
        var self = FHIR.newJsonParser()
                .parseResource(
                        org.hl7.fhir.r4.model.Patient.class,
                        fhir(owner.token(), "Patient/" + owner.id()).body());
        assertThat(self.getNameFirstRep().getFamily()).isEqualTo("Импортова");
        // The record page tells what came from elsewhere; an imported result says who brought it.
        String cookie = session(owner.token());
        var page = get("/record/" + owner.id(), "Accept", "text/html", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Из других систем сохранено как исходные документы")
                .contains("Claim");
        UUID result = jdbc.sql(
                        "SELECT id FROM record_entry WHERE patient_id = :p AND source = 'PATIENT_IMPORT' "
                                + "AND type = 'LAB_RESULT' AND effective_date >= DATE '2019-01-01' ORDER BY effective_date DESC")
                .param("p", owner.patientId().value())
                .query(UUID.class)
                .list()
                .get(0);
        var entryPage = get("/record/" + owner.id() + "/entries/" + result, "Accept", "text/html", "Cookie", cookie);
        assertThat(entryPage.statusCode()).isEqualTo(200);
        assertThat(entryPage.body()).contains("Загружено пациентом из другой системы");
        // The same file again: nothing new.
        var again = importInto(owner.token(), owner.id(), bundle);
        assertThat(FHIR.newJsonParser()
                        .parseResource(OperationOutcome.class, again.body())
                        .getIssueFirstRep()
                        .getDiagnostics())
                .startsWith("created=0;");
    }

    /**
     * Who may import into a record through {@code POST /fhir}: staff of a clinic caring for the
     * patient. A doctor or registrar of another clinic naming the record ({@code PUT Patient/{id}}), a
     * patient sending a Bundle for someone, leave nothing behind and learn nothing of the record.
     */
    @Test
    void onlyStaffOfACaringClinicImportIntoARecord() throws IOException {
        var owner = patient("Владелица", "Ирина", "1990-03-04");
        var bundle = FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(cohort.get(6)));
        bundle.getEntryFirstRep().getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + owner.id());
        // Another system's patient id: this Synthea patient is the cohort's, imported by other tests.
        bundle.getEntryFirstRep().getResource().setId(UUID.randomUUID().toString());
        String body = FHIR.newJsonParser().encodeResourceToString(bundle);
        long before = jdbc.sql("SELECT COUNT(*) FROM record_source_resource")
                .query(Long.class)
                .single();
        var otherClinic = identity.tokens()
                .tokensFor(TestStaff.registrar(
                        identity,
                        TestClinics.register(clinics, "Другая клиника").id()))
                .accessToken();
        for (String token :
                List.of(otherClinic, doctor().token(), owner.token(), patient().token())) {
            var refused = postBundle(token, body);
            assertThat(refused.statusCode()).as(refused.body()).isIn(403, 404, 422);
            assertThat(refused.body()).doesNotContain("Владелица").doesNotContain("Exception");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_source_resource")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        // A doctor caring for her imports (as the clinic's staff: not patient-reported).
        var carer = doctor(owner);
        var imported = postBundle(carer.token(), body);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(patientOf(bundle(imported))).isEqualTo(owner.patientId().value());
    }

    /**
     * Fuzzing the import: a real Bundle cut, with values swapped for wrong types, fields renamed and
     * references bent, sent a few hundred times. Every answer is a 2xx or a 4xx with an
     * OperationOutcome, never a 500 or a stack trace.
     */
    @Test
    void mangledBundlesNeverBreakTheServer() throws IOException {
        String token = registrarToken();
        String original = Files.readString(cohort.get(7));
        var random = new java.util.Random(20261205L);
        String[] swaps = {
            "\"valueQuantity\"",
            "\"subject\"",
            "\"reference\"",
            "\"effectiveDateTime\"",
            "\"code\"",
            "\"resourceType\"",
            "\"fullUrl\"",
            "\"birthDate\"",
            "\"type\"",
            "\"value\""
        };
        String[] replacements = {
            "\"valueString\"",
            "\"subjekt\"",
            "\"reference\":{},\"x\"",
            "\"effectiveDateTime\":\"2099-99-99\",\"y\"",
            "\"code\":42,\"z\"",
            "\"resourceType\":\"Nope\",\"w\"",
            "\"fullUrl\":\"urn:uuid:x\",\"v\"",
            "\"birthDate\":\"-1\",\"u\"",
            "\"type\":\"collection\",\"t\"",
            "\"value\":\"NaN\",\"s\""
        };
        for (int round = 0; round < 120; round++) {
            String body = original;
            switch (round % 4) {
                case 0 -> body = body.substring(0, random.nextInt(body.length()));
                case 1 -> {
                    int which = random.nextInt(swaps.length);
                    int at = body.indexOf(swaps[which], random.nextInt(body.length() / 2));
                    if (at >= 0) {
                        body = body.substring(0, at) + replacements[which] + body.substring(at + swaps[which].length());
                    }
                }
                case 2 ->
                    body = body.replace(
                            "urn:uuid:" + body.substring(body.indexOf("urn:uuid:") + 9, body.indexOf("urn:uuid:") + 17),
                            "Observation/" + UUID.randomUUID() + "#");
                default -> {
                    var bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    for (int i = 0; i < 5; i++) {
                        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    }
                    body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            var response = postBundle(token, body);
            assertThat(response.statusCode())
                    .as("round %d: %s", round, response.body())
                    .isLessThan(500);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
            if (response.statusCode() >= 400) {
                assertThat(response.body()).contains("OperationOutcome");
            }
        }
    }
}
