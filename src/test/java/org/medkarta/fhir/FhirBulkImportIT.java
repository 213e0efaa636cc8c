package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.StaffInvitation;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.medkarta.testing.SyntheaCohort;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bulk import for a clinic that moves to Medkarta (issue 15), with a Synthea 3.3.0 cohort of our own
 * seed: a folder of Bundle files through the command, stopped half-way by an unreadable file and
 * continued without doubling anything; the same cohort as an NDJSON set uploaded on the clinic's page
 * into another clinic, with the same counts per type; the page only for the clinic's staff.
 */
class FhirBulkImportIT extends FhirRecordSupport {

    private static final long SEED = 20261206L;
    private static List<Path> cohort;

    @Autowired
    BulkImport bulkImport;

    @Autowired
    BulkImportCommand command;

    @Autowired
    BulkImportUploads uploads;

    @BeforeAll
    static void generate() {
        cohort = SyntheaCohort.patients(SEED, 5, 3);
    }

    private static Map<String, Integer> countsInCohort() throws IOException {
        var counts = new TreeMap<String, Integer>();
        for (var file : cohort) {
            var bundle = FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(file));
            bundle.getEntry().forEach(entry -> counts.merge(entry.getResource().fhirType(), 1, Integer::sum));
        }
        return counts;
    }

    /** What the clinic's records hold, per type: record entries and kept source documents alike. */
    private Map<String, Integer> countsInClinic(ClinicId clinic) {
        var counts = new TreeMap<String, Integer>();
        jdbc.sql("""
                        SELECT resource_type, COUNT(*) FROM record_source_resource WHERE patient_id IN
                            (SELECT patient_id FROM access_clinic_registration WHERE clinic_id = :clinic)
                        GROUP BY resource_type
                        """)
                .param("clinic", clinic.value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .forEach(row -> counts.put(row.getKey(), row.getValue()));
        return counts;
    }

    private long sourceResources() {
        return jdbc.sql("SELECT COUNT(*) FROM record_source_resource")
                .query(Long.class)
                .single();
    }

    private List<UUID> jobsOf(ClinicId clinic) {
        return jdbc.sql("SELECT id FROM fhir_import_job WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .query(UUID.class)
                .list();
    }

    @Test
    void aFolderStoppedHalfWayIsContinuedByRunningTheCommandAgainAndNothingIsDoubled() throws IOException {
        var clinic = TestClinics.register(clinics, "Клиника переезда").id();
        var registrar = TestStaff.registrar(identity, clinic);
        String email =
                identity.accounts().account(registrar.userId()).orElseThrow().email();
        Path folder = Files.createTempDirectory("fhir-import");
        var names = new ArrayList<String>();
        for (var file : cohort) {
            Files.copy(file, folder.resolve(file.getFileName()));
            names.add(file.getFileName().toString());
        }
        // A "file" that cannot be read, sorted right after the second Bundle: the job stops there.
        Path unreadable = Files.createDirectory(folder.resolve(names.get(1) + "x.json"));

        var out = new ByteArrayOutputStream();
        int first = command.run(folder.toString(), clinic.value().toString(), email, new PrintStream(out, true), 100);
        assertThat(first).as(out.toString()).isEqualTo(1);
        var jobs = jobsOf(clinic);
        assertThat(jobs).hasSize(1);
        var stopped = bulkImport.progress(jobs.get(0));
        assertThat(stopped.state()).isEqualTo(BulkImportJob.State.FAILED);
        assertThat(stopped.unitsDone()).isEqualTo(2);
        assertThat(stopped.unitsTotal()).isEqualTo(6);

        Files.delete(unreadable);
        out.reset();
        int second = command.run(folder.toString(), clinic.value().toString(), email, new PrintStream(out, true), 100);
        assertThat(second).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("fhir-import: job " + jobs.get(0) + " continues")
                .containsPattern(
                        "fhir-import: 5/5 files, [0-9,]+ resources \\(created [0-9,]+, matched 0, duplicates 0, kept [0-9,]+, refused 0, warnings 0\\), [0-9,]+ resources/s")
                .contains("fhir-import: DONE");
        assertThat(jobsOf(clinic)).containsExactly(jobs.get(0));
        var done = bulkImport.progress(jobs.get(0));
        assertThat(done.state()).isEqualTo(BulkImportJob.State.DONE);
        assertThat(done.unitsDone()).isEqualTo(5);
        var expected = countsInCohort();
        assertThat(done.resources())
                .isEqualTo(
                        expected.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(done.created() + done.kept()).isEqualTo(done.resources());
        assertThat(countsInClinic(clinic)).isEqualTo(expected);

        // A crash after the last unit was imported but before it was counted: the re-run imports it
        // again, which adds nothing.
        long before = sourceResources();
        jdbc.sql("DELETE FROM fhir_import_unit WHERE job_id = :job AND unit = :unit")
                .param("job", jobs.get(0))
                .param("unit", names.get(4))
                .update();
        jdbc.sql("UPDATE fhir_import_job SET state = 'RUNNING', units_done = 4 WHERE id = :job")
                .param("job", jobs.get(0))
                .update();
        out.reset();
        assertThat(command.run(folder.toString(), clinic.value().toString(), email, new PrintStream(out, true), 100))
                .as(out.toString())
                .isZero();
        assertThat(sourceResources()).isEqualTo(before);
        assertThat(bulkImport.progress(jobs.get(0)).unitsDone()).isEqualTo(5);
        assertThat(countsInClinic(clinic)).isEqualTo(expected);
    }

    @Test
    void theCommandRefusesSomeoneWhoIsNotStaffOfTheClinic() throws IOException {
        var clinic = TestClinics.register(clinics, "Клиника без прав").id();
        var other = TestClinics.register(clinics, "Другая клиника").id();
        String email = identity.accounts()
                .account(TestStaff.registrar(identity, other).userId())
                .orElseThrow()
                .email();
        var out = new ByteArrayOutputStream();
        Path folder = Files.createTempDirectory("fhir-import");
        assertThat(command.run(folder.toString(), clinic.value().toString(), email, new PrintStream(out, true), 100))
                .isEqualTo(1);
        assertThat(out.toString()).contains("fhir-import refused");
        assertThat(jobsOf(clinic)).isEmpty();
    }

    @Test
    void anNdjsonSetUploadedOnThePageComesInWithTheSameCountsAndItsRefusalsInRussian() throws IOException {
        var clinic = TestClinics.register(clinics, "Клиника NDJSON").id();
        var admin = administrator(clinic);
        String session = session(identity.tokens().tokensFor(admin).accessToken());

        // The cohort as a Bulk Data export writes it: one <Type>.ndjson per type, one resource a line.
        var lines = new LinkedHashMap<String, StringBuilder>();
        var parser = FHIR.newJsonParser();
        for (var file : cohort) {
            var bundle = parser.parseResource(Bundle.class, Files.readString(file));
            for (var entry : bundle.getEntry()) {
                // Synthea names its resources by full URL only; an NDJSON line carries its id.
                entry.getResource().setId(entry.getFullUrl().replace("urn:uuid:", ""));
                lines.computeIfAbsent(entry.getResource().fhirType() + ".ndjson", type -> new StringBuilder())
                        .append(parser.encodeResourceToString(entry.getResource()))
                        .append('\n');
            }
        }
        var stray = new Observation();
        stray.setId("no-patient-1");
        stray.setStatus(Observation.ObservationStatus.FINAL);
        stray.getCode().setText("Вне набора");
        lines.get("Observation.ndjson")
                .append(parser.encodeResourceToString(stray))
                .append('\n');
        var files = new LinkedHashMap<String, byte[]>();
        lines.forEach((name, text) -> files.put(name, text.toString().getBytes(StandardCharsets.UTF_8)));

        String base = "/admin/clinics/" + clinic.value() + "/fhir-import";
        var page = get(base, "Cookie", session, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Импорт медкарт из другой системы").contains("id=\"tab-fhir-import\"");

        // Through the facade: empty files are no set, and no one but the clinic's staff uploads one.
        assertThatThrownBy(() -> uploads.upload(
                        admin,
                        clinic,
                        List.of(new BulkImportUploads.Upload("Patient.ndjson", new byte[0])),
                        Locale.ROOT))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.messageCode()).isEqualTo("fhir.bulk.error.none"));
        assertThatThrownBy(() -> uploads.upload(
                        patient().user(),
                        clinic,
                        List.of(new BulkImportUploads.Upload("Patient.ndjson", files.get("Patient.ndjson"))),
                        Locale.ROOT))
                .isInstanceOf(NotFound.class);
        assertThat(jobsOf(clinic)).isEmpty();

        // A file that is not a set: the message beside the field, not an error page.
        var wrong = upload(session, page.body(), base, Map.of("records.csv", "a;b".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"files-error\"").contains("Файл «records.csv» не импортируется");

        var started = upload(session, page.body(), base, files);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        UUID job = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        var polled = get(base + "/" + job, "Cookie", session, "HX-Request", "true");
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(polled.body()).contains("id=\"progress\"").doesNotContain("<html");
        awaitEnd(job);

        var finished = bulkImport.progress(job);
        assertThat(finished.state()).as(finished.error()).isEqualTo(BulkImportJob.State.DONE);
        assertThat(finished.unitKind()).isEqualTo(BulkImportJob.UnitKind.PATIENT);
        assertThat(finished.unitsDone())
                .as(finished.refused() + " " + finished.refusals())
                .isEqualTo(cohort.size());
        assertThat(finished.refused()).as(finished.refusals().toString()).isEqualTo(1);
        assertThat(countsInClinic(clinic)).isEqualTo(countsInCohort());

        var shown = get(base + "/" + job, "Cookie", session, "Accept", "text/html");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains("Завершён")
                .contains("Пациентов: 5 из 5")
                .contains("Observation/no-patient-1")
                .contains("Ресурс не относится ни к одному пациенту набора")
                .doesNotContain("hx-trigger");
        var list = get(base, "Cookie", session, "Accept", "text/html");
        assertThat(list.body()).contains(base + "/" + job).contains("Patient.ndjson");

        // Anyone but the clinic's staff: 404, whether the page, the job or a button.
        var doctor = doctor();
        var patient = patient();
        var otherAdmin =
                administrator(TestClinics.register(clinics, "Чужая клиника").id());
        for (String token : List.of(
                doctor.token(),
                patient.token(),
                identity.tokens().tokensFor(otherAdmin).accessToken())) {
            String other = session(token);
            assertThat(get(base, "Cookie", other, "Accept", "text/html").statusCode())
                    .isEqualTo(404);
            assertThat(get(base + "/" + job, "Cookie", other, "Accept", "text/html")
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    private void awaitEnd(UUID job) {
        long until = System.nanoTime() + 600_000_000_000L;
        while (bulkImport.activeHere(job) && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpResponse<String> upload(String session, String page, String path, Map<String, byte[]> files) {
        String boundary = "----medkarta" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path)
                .header("Cookie", session)
                .header("Accept", "text/html")
                .header("X-CSRF-TOKEN", csrf(page))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private static String csrf(String html) {
        var matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            matcher = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(html);
            assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
        }
        return matcher.group(1);
    }

    /** An administrator of the clinic, invited as the clinic's pages invite one. */
    private SignedInUser administrator(ClinicId clinic) {
        Set<UUID> before = admins(clinic);
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
        Set<UUID> after = admins(clinic);
        after.removeAll(before);
        return new SignedInUser(
                new UserId(after.iterator().next()),
                "Олег Админов",
                null,
                List.of(new RoleGrant(Role.CLINIC_ADMIN, clinic)),
                "PASSWORD");
    }

    private Set<UUID> admins(ClinicId clinic) {
        return new HashSet<>(jdbc.sql("SELECT user_id FROM clinic_admin WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .query(UUID.class)
                .list());
    }
}
