package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medkarta.reliability.ApiClient.expect;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medkarta.reliability.CrashIT.App;
import org.medkarta.reliability.CrashIT.Cluster;
import org.medkarta.reliability.CrashIT.SmsProvider;
import tools.jackson.databind.JsonNode;

/**
 * The restore drill of {@code deploy/backup/} (docs/operations.md, "Backups"): the app writes
 * bookings and diary readings on a PostgreSQL cluster of the test's own that archives its WAL with
 * {@code archive-wal.sh}; {@code base-backup.sh} takes a base backup; more is written; the moment is
 * noted; more is written still; the cluster is destroyed (immediate stop, data folder deleted);
 * {@code restore-pitr.sh} restores the base backup and replays the archive up to the noted moment;
 * the app starts on the restored cluster. Exactly what was written before the moment is there,
 * nothing after it, and the audit chain verifies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreDrillIT {

    static final int PER_PHASE = 4;

    Cluster cluster;
    SmsProvider sms;
    App app;
    Journey journey;
    final ApiClient api = new ApiClient(
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build(),
            () -> app.base(),
            Duration.ofSeconds(30));

    @AfterAll
    void stop() {
        if (app != null) {
            app.kill();
        }
        if (sms != null) {
            sms.stop();
        }
        if (cluster != null) {
            keepLog();
            cluster.remove();
        }
    }

    /** The server's log outlives the cluster's folder: target/restore-drill/server.log. */
    private void keepLog() {
        try {
            var kept = Files.createDirectories(Path.of("target", "restore-drill"));
            Files.copy(
                    cluster.folder.resolve("server.log"),
                    kept.resolve("server.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException lost) {
            // Nothing to keep.
        }
    }

    @Test
    void aBaseBackupAndTheWalArchiveRestoreExactlyWhatWasWrittenBeforeTheNotedMoment() throws Exception {
        cluster = Cluster.start();
        Path scripts = postgresOwned(cluster.folder.resolve("scripts"));
        for (String script : List.of("archive-wal.sh", "base-backup.sh", "restore-pitr.sh")) {
            Files.copy(Path.of("deploy/backup", script), scripts.resolve(script));
        }
        Path archive = postgresOwned(cluster.folder.resolve("wal-archive"));
        Path backups = postgresOwned(cluster.folder.resolve("backups"));
        postgresOwned(scripts);
        cluster.sql("ALTER SYSTEM SET archive_mode = 'on'");
        cluster.sql("ALTER SYSTEM SET archive_command = 'bash " + scripts.resolve("archive-wal.sh") + " %p %f "
                + archive + "'");
        cluster.restartFast();
        cluster.createDatabase("medkarta");
        sms = SmsProvider.start();
        journey = new Journey(api, sms);
        app = new App(cluster, sms);
        app.start();

        var patient = journey.patient("Восстановленная", "Ольга", "1981-05-06");
        var offers = offers(patient.token());
        var beforeBackup = write(patient, offers, "before the backup");
        String base = runAsPostgres(
                        "bash",
                        scripts.resolve("base-backup.sh").toString(),
                        backups.toString(),
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(cluster.port),
                        "-U",
                        "postgres")
                .strip()
                .lines()
                .reduce((first, last) -> last)
                .orElseThrow();
        var afterBackup = write(patient, offers, "after the backup");
        CrashIT.pauseMillis(1500);
        Instant moment = Instant.now();
        CrashIT.pauseMillis(1500);
        var afterMoment = write(patient, offers, "after the moment");
        String lastSegment = query("SELECT pg_walfile_name(pg_switch_wal())");
        awaitFile(archive.resolve(lastSegment), Duration.ofSeconds(60));

        app.kill();
        cluster.crash();
        deleteTree(Path.of(cluster.data()));
        runAsPostgres(
                "bash",
                scripts.resolve("restore-pitr.sh").toString(),
                base,
                archive.toString(),
                // As PostgreSQL's recovery_target_time reads it (no ISO 'T', microseconds at most).
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'")
                        .withZone(java.time.ZoneOffset.UTC)
                        .format(moment),
                cluster.data());
        cluster.startAgain();
        awaitPromoted(Duration.ofSeconds(120));
        app.start();

        var kept = new ArrayList<String>();
        kept.addAll(beforeBackup.bookings());
        kept.addAll(afterBackup.bookings());
        var keptReadings = new ArrayList<String>();
        keptReadings.addAll(beforeBackup.readings());
        keptReadings.addAll(afterBackup.readings());
        try (var db = cluster.connect("medkarta")) {
            var bookingsPresent = Journey.present(db, "scheduling_appointment", kept);
            var readingsPresent = Journey.present(db, "record_diary_reading", keptReadings);
            var lateBookings = Journey.present(db, "scheduling_appointment", afterMoment.bookings());
            var lateReadings = Journey.present(db, "record_diary_reading", afterMoment.readings());
            System.out.printf(
                    "[reliability] restore drill: restored to %s; bookings %d/%d and diary readings %d/%d kept,"
                            + " %d bookings and %d readings written after the moment present%n",
                    moment,
                    bookingsPresent.size(),
                    kept.size(),
                    readingsPresent.size(),
                    keptReadings.size(),
                    lateBookings.size(),
                    lateReadings.size());
            assertThat(bookingsPresent).containsExactlyInAnyOrderElementsOf(kept);
            assertThat(readingsPresent).containsExactlyInAnyOrderElementsOf(keptReadings);
            assertThat(lateBookings).isEmpty();
            assertThat(lateReadings).isEmpty();
            assertThat(Journey.count(
                            db,
                            "SELECT count(*) FROM scheduling_appointment WHERE patient_id = '" + patient.patientId()
                                    + "'"))
                    .isEqualTo(kept.size());
        }
        String admin = journey.staff("admin@demo.medkarta.org", "Demo-admin-1");
        var verification = CrashIT.JSON.readTree(
                expect(200, journey.get(admin, "/api/v1/audit/verify")).body());
        System.out.printf("[reliability] restore drill: audit chain after the restore: %s%n", verification);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("checked").asLong()).isPositive();
    }

    /** What one phase wrote: appointment ids and diary reading ids, each confirmed by a 201. */
    record Written(List<String> bookings, List<String> readings) {}

    private Written write(CrashIT.Patient patient, List<CrashIT.Offer> offers, String phase) throws IOException {
        var bookings = new ArrayList<String>();
        var readings = new ArrayList<String>();
        for (int i = 0; i < PER_PHASE; i++) {
            var offer = offers.remove(0);
            var booked = expect(
                    201,
                    journey.post(
                            patient.token(),
                            "/api/v1/appointments",
                            Map.of(
                                    "slotId",
                                    offer.slotId(),
                                    "serviceId",
                                    offer.serviceId(),
                                    "acceptClinicDocuments",
                                    true)));
            bookings.add(CrashIT.JSON.readTree(booked.body()).get("id").asString());
            var reading = expect(
                    201,
                    journey.post(
                            patient.token(),
                            "/api/v1/patients/" + patient.patientId() + "/diary",
                            Map.of("measure", "PULSE", "value", Integer.toString(60 + i), "note", phase)));
            readings.add(CrashIT.JSON.readTree(reading.body()).get("id").asString());
        }
        return new Written(bookings, readings);
    }

    /** Free telemedicine slots of the demo therapist, one phase after another. */
    private List<CrashIT.Offer> offers(String token) throws IOException {
        Instant from = Instant.now().plus(Duration.ofHours(2));
        var slots = CrashIT.JSON.readTree(expect(
                        200,
                        journey.get(
                                token,
                                "/api/v1/slots?specialty=therapist&size=200&from=" + from + "&to="
                                        + from.plus(Duration.ofDays(10))))
                .body());
        // One doctor's slots (one patient's bookings then never overlap), each slot once (a slot is
        // listed once per service it offers).
        var offers = new ArrayList<CrashIT.Offer>();
        var seen = new HashSet<String>();
        String doctor = null;
        for (JsonNode slot : slots) {
            if (doctor == null) {
                doctor = slot.get("doctorId").asString();
            }
            if (!slot.get("format").asString().equals("IN_PERSON")
                    && slot.get("doctorId").asString().equals(doctor)
                    && seen.add(slot.get("id").asString())) {
                offers.add(new CrashIT.Offer(
                        slot.get("id").asString(), slot.get("serviceId").asString()));
            }
        }
        assertThat(offers).hasSizeGreaterThanOrEqualTo(3 * PER_PHASE);
        return offers;
    }

    // ------------------------------------------------------------------ the cluster

    private Path postgresOwned(Path folder) throws Exception {
        Files.createDirectories(folder);
        if (Cluster.AS_ROOT) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()));
        }
        return folder;
    }

    /** Runs a command as the cluster's owner and returns what it printed. */
    private String runAsPostgres(String... command) throws Exception {
        var full = new ArrayList<String>();
        if (Cluster.AS_ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return run(full);
    }

    private String run(List<String> command) throws Exception {
        var environment = new ProcessBuilder(command).redirectErrorStream(true);
        // pg_basebackup and friends of the cluster's own version come first.
        environment.environment().put("PATH", cluster.bin + File.pathSeparator + System.getenv("PATH"));
        var process = environment.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private String query(String sql) throws SQLException {
        try (var db = cluster.connect("postgres");
                var statement = db.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void awaitPromoted(Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            try {
                if ("f".equals(query("SELECT pg_is_in_recovery()"))) {
                    return;
                }
            } catch (SQLException starting) {
                // Not accepting connections yet.
            }
            CrashIT.pauseMillis(250);
        }
        throw new AssertionError("the restored cluster did not finish recovery within " + within);
    }

    private static void awaitFile(Path file, Duration within) {
        long until = System.nanoTime() + within.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > until) {
                throw new AssertionError(file + " was not archived within " + within);
            }
            CrashIT.pauseMillis(200);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        assertThat(folder).doesNotExist();
    }

    // ------------------------------------------------------------------ HTTP

}
