package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.StaffInvitation;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import tools.jackson.databind.JsonNode;

/**
 * FHIR Bulk Data export for a clinic's administrator: kick-off, polling, the manifest and its NDJSON
 * files, cancelling, and everyone else refused as the rest of {@code /fhir} refuses them.
 */
class FhirBulkExportIT extends FhirResultsSupport {

    record Clinic(ClinicId id, String admin, Person doctor, List<Person> patients) {}

    /** A clinic whose doctor two patients booked, with entries filed for both; the administrator's token. */
    Clinic clinic() {
        var clinic = TestClinics.register(clinics, "Клиника экспорта").id();
        var doctorView = TestCare.doctor(clinics, clinic);
        TestCare.openSchedule(scheduleTemplates, doctorView.id());
        var patients = List.of(patient(), patient());
        for (var patient : patients) {
            TestCare.appointment(slotSearch, booking, patient.user(), doctorView.id());
        }
        var doctorUser = TestCare.signedIn(doctorView);
        var doctor =
                new Person(doctorUser, identity.tokens().tokensFor(doctorUser).accessToken(), null);
        for (var patient : patients) {
            file(
                    doctor,
                    patient,
                    "DIAGNOSIS",
                    "icd10",
                    "I10",
                    "name",
                    "Гипертензия",
                    "onset",
                    "2020-01-01",
                    "clinicalStatus",
                    "ACTIVE");
            lab(doctor, patient, "2021-03-01", "HGB", "Гемоглобин", "150", "g/L", "130", "170");
            file(
                    doctor,
                    patient,
                    "EXAM_PROTOCOL",
                    "date",
                    "2021-03-02",
                    "specialty",
                    "Терапевт",
                    "examination",
                    "Осмотр",
                    "conclusion",
                    "Норма");
        }
        return new Clinic(clinic, administrator(clinic), doctor, patients);
    }

    /** One more administrator of the clinic, invited as the clinic's pages invite one; their token. */
    String administrator(ClinicId clinic) {
        var before = admins(clinic);
        clinics.setUp()
                .inviteAdministrator(
                        TestClinics.PLATFORM,
                        clinic,
                        new StaffInvitation(
                                "adm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                                "Админов",
                                "Олег",
                                null),
                        "http://localhost",
                        Locale.ENGLISH);
        var after = admins(clinic);
        after.removeAll(before);
        var id = new UserId(after.iterator().next());
        var user = new SignedInUser(id, "Админ", null, List.of(new RoleGrant(Role.CLINIC_ADMIN, clinic)), "PASSWORD");
        return identity.tokens().tokensFor(user).accessToken();
    }

    private Set<UUID> admins(ClinicId clinic) {
        return new HashSet<>(jdbc.sql("SELECT user_id FROM clinic_admin WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .query(UUID.class)
                .list());
    }

    HttpResponse<String> kickOff(String token, String path) {
        return fhir(token, path, "Prefer", "respond-async");
    }

    /** The path under {@code /fhir/} of an absolute URL the server gave. */
    static String local(String url) {
        return url.substring(url.indexOf("/fhir/") + "/fhir/".length());
    }

    HttpResponse<String> delete(String token, String path) {
        var builder = request("/fhir/" + path).DELETE();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    /** Polls until the manifest comes (each 202 telling its progress); the manifest. */
    JsonNode manifest(String token, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var polled = fhir(token, status);
            if (polled.statusCode() == 200) {
                return body(polled);
            }
            assertThat(polled.statusCode()).as(polled.body()).isEqualTo(202);
            assertThat(polled.headers().firstValue("X-Progress")).isPresent();
            Thread.sleep(200);
        }
        throw new AssertionError("the export did not finish");
    }

    @Test
    void anAdministratorExportsTheClinicsRecordsAsValidNdjsonWithCountsAndAuditEntries() throws Exception {
        var clinic = clinic();
        var outsider = patient();
        long seq = lastAuditSeq();

        var accepted = kickOff(clinic.admin(), "Group/" + clinic.id().value() + "/$export");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String status = local(accepted.headers().firstValue("Content-Location").orElseThrow());

        var manifest = manifest(clinic.admin(), status);
        assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.get("request").asString())
                .contains("Group/" + clinic.id().value() + "/$export");
        assertThat(manifest.get("transactionTime").asString()).isNotBlank();
        assertThat(manifest.get("error").size()).isZero();

        var counts = new HashMap<String, Integer>();
        var patients = new HashSet<String>();
        for (JsonNode output : manifest.get("output")) {
            String type = output.get("type").asString();
            var file = fhir(clinic.admin(), local(output.get("url").asString()));
            assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+ndjson");
            var lines = file.body().lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).hasSize(output.get("count").asInt());
            for (String line : lines) {
                assertValid(line);
                var resource = (Resource) FHIR.newJsonParser().parseResource(line);
                assertThat(resource.fhirType()).isEqualTo(type);
                if (type.equals("Patient")) {
                    patients.add(resource.getIdElement().getIdPart());
                }
            }
            counts.merge(type, lines.size(), Integer::sum);

            // The file is the owner's only.
            for (String other : List.of(clinic.doctor().token(), outsider.token(), administrator(clinic.id()))) {
                assertThat(fhir(other, local(output.get("url").asString())).statusCode())
                        .isEqualTo(404);
            }
            assertThat(fhir(null, local(output.get("url").asString())).statusCode())
                    .isEqualTo(401);
        }
        assertThat(patients)
                .containsExactlyInAnyOrderElementsOf(
                        clinic.patients().stream().map(Person::id).toList());
        // As many resources of each type as $everything gives a clinician in care, record by record.
        var expected = new HashMap<String, Integer>();
        for (var patient : clinic.patients()) {
            var bundle = bundle(fhir(clinic.doctor().token(), "Patient/" + patient.id() + "/$everything?_count=200"));
            bundle.getEntry()
                    .forEach(entry -> expected.merge(entry.getResource().fhirType(), 1, Integer::sum));
        }
        assertThat(counts).isEqualTo(expected);
        // Each record exported is one audit entry; a patient the clinic does not care for is not touched.
        for (var patient : clinic.patients()) {
            assertThat(auditSince(seq, patient)).contains("CLINIC RECORD_DOWNLOAD SUCCESS");
        }
        assertThat(auditSince(seq, outsider)).isEmpty();
        // Another user polling the job learns nothing of it.
        assertThat(fhir(administrator(clinic.id()), status).statusCode()).isEqualTo(404);
        assertThat(fhir(null, status).statusCode()).isEqualTo(401);
    }

    @Test
    void typeAndTheSystemLevelKickOffNarrowAndReachTheCallersClinic() throws Exception {
        var clinic = clinic();
        var accepted = kickOff(clinic.admin(), "$export?_type=Patient,Condition");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        var manifest = manifest(
                clinic.admin(),
                local(accepted.headers().firstValue("Content-Location").orElseThrow()));
        Set<String> types = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode output : manifest.get("output")) {
            types.add(output.get("type").asString());
            counts.merge(output.get("type").asString(), output.get("count").asInt(), Integer::sum);
        }
        assertThat(types).containsExactlyInAnyOrder("Patient", "Condition");
        assertThat(counts).containsEntry("Patient", 2).containsEntry("Condition", 2);
    }

    @Test
    void aCancelledExportIsGoneAndItsFilesWithIt() throws Exception {
        var clinic = clinic();
        var accepted = kickOff(clinic.admin(), "Group/" + clinic.id().value() + "/$export");
        String status = local(accepted.headers().firstValue("Content-Location").orElseThrow());
        var manifest = manifest(clinic.admin(), status);
        var urls = new ArrayList<String>();
        manifest.get("output")
                .forEach(output -> urls.add(local(output.get("url").asString())));
        assertThat(urls).isNotEmpty();

        assertThat(delete(administrator(clinic.id()), status).statusCode()).isEqualTo(404);
        assertThat(delete(clinic.admin(), status).statusCode()).isEqualTo(202);
        assertThat(fhir(clinic.admin(), status).statusCode()).isEqualTo(404);
        assertThat(delete(clinic.admin(), status).statusCode()).isEqualTo(404);
        for (String url : urls) {
            assertThat(fhir(clinic.admin(), url).statusCode()).isEqualTo(404);
        }

        // Cancelled while it may still run: it never reports done.
        var again = kickOff(clinic.admin(), "Group/" + clinic.id().value() + "/$export");
        String second = local(again.headers().firstValue("Content-Location").orElseThrow());
        assertThat(delete(clinic.admin(), second).statusCode()).isEqualTo(202);
        Thread.sleep(1000);
        assertThat(fhir(clinic.admin(), second).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fhir_export_file WHERE job_id = :job")
                        .param("job", UUID.fromString(second.substring(second.indexOf("_jobId=") + 7)))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void everyoneButTheClinicsAdministratorIsRefusedAsElsewhereInFhir() {
        var clinic = clinic();
        String group = "Group/" + clinic.id().value() + "/$export";
        var otherAdmin =
                administrator(TestClinics.register(clinics, "Другая клиника").id());
        for (String token :
                List.of(clinic.doctor().token(), clinic.patients().get(0).token(), otherAdmin)) {
            var refused = kickOff(token, group);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
            assertThat(refused.body()).contains("OperationOutcome");
        }
        for (String token :
                List.of(clinic.doctor().token(), clinic.patients().get(0).token())) {
            assertThat(kickOff(token, "$export").statusCode()).isEqualTo(404);
        }
        assertThat(kickOff(null, group).statusCode()).isEqualTo(401);
        assertThat(kickOff(null, "$export").statusCode()).isEqualTo(401);
        assertThat(kickOff(clinic.admin(), "Group/" + UUID.randomUUID() + "/$export")
                        .statusCode())
                .isEqualTo(404);
        assertThat(kickOff(clinic.admin(), "Group/not-a-clinic/$export").statusCode())
                .isEqualTo(404);

        var synchronous = fhir(clinic.admin(), group);
        assertThat(synchronous.statusCode()).isEqualTo(400);
        assertThat(synchronous.body()).contains("respond-async");
        assertThat(kickOff(clinic.admin(), group + "?_outputFormat=text/csv").statusCode())
                .isEqualTo(400);
        assertThat(kickOff(clinic.admin(), group + "?_type=Spaceship").statusCode())
                .isEqualTo(400);
        assertThat(fhir(clinic.admin(), "$export-poll-status?_jobId=" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
    }
}
