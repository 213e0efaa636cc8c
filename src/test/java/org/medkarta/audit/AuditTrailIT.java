package org.medkarta.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.Role;
import org.medkarta.notification.DevOutbox;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.LongTransaction;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The append-only, hash-chained audit trail (SPEC G1-G3). */
class AuditTrailIT extends ApiSupport {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AuditCommand command;

    @Autowired
    IdentityFacades identity;

    @Autowired
    DevOutbox outbox;

    @Test
    void parallelAppendsFormOneUnbrokenChain() throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        var readWrite = new TransactionTemplate(transactions);
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        List<Future<Long>> appended = new ArrayList<>();
        try {
            for (int i = 0; i < 150; i++) {
                var entry = AuditEntry.of(
                        UUID.randomUUID(), "DOCTOR", UUID.randomUUID(), "RECORD_READ", "record", "SUCCESS", "10.0.0.1");
                // A third join a change's transaction, a third come from a read-only one, a third from none:
                // the last two go through the group commit.
                Callable<Long> append = switch (i % 3) {
                    case 0 -> () -> readWrite.execute(status -> trail.record(entry));
                    case 1 -> () -> readOnly.execute(status -> trail.record(entry));
                    default -> () -> trail.record(entry);
                };
                appended.add(pool.submit(() -> {
                    long seq = append.call();
                    // Durable before the caller goes on: another connection sees it at once.
                    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE seq = :seq AND patient_id = :patient")
                                    .param("seq", seq)
                                    .param("patient", entry.patient())
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(1L);
                    return seq;
                }));
            }
            var seqs = new java.util.HashSet<Long>();
            for (var future : appended) {
                seqs.add(future.get());
            }
            assertThat(seqs).as("each entry its own place in the chain").hasSize(150);
        } finally {
            pool.shutdownNow();
        }

        var verification = trail.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.checked()).isGreaterThanOrEqualTo(150);
        assertThat(jdbc.sql("SELECT count(*) = max(seq) FROM audit_event")
                        .query(Boolean.class)
                        .single())
                .as("no gaps")
                .isTrue();
    }

    /**
     * A long transaction (a FHIR Bundle's import) keeps its entries until just before it commits: the
     * chain's head is not locked meanwhile, so another writer's entry goes in at once; a rollback
     * drops them with the change; a commit chains them, intact, after the other writer's.
     */
    @Test
    void aLongTransactionsEntriesJoinTheChainAtItsCommitWithoutHoldingOthersBack() throws Exception {
        var readWrite = new TransactionTemplate(transactions);
        UUID kept = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        UUID meanwhile = UUID.randomUUID();
        var pool = Executors.newSingleThreadExecutor();
        try {
            long[] other = new long[1];
            readWrite.executeWithoutResult(status -> {
                LongTransaction.mark();
                assertThat(trail.record(entryFor(kept))).isEqualTo(AuditTrail.AT_COMMIT);
                // Another writer's own transaction appends while this one is open: it would wait
                // for this transaction's end if the head were locked now.
                other[0] = call(pool, () -> readWrite.execute(s -> trail.record(entryFor(meanwhile))));
                assertThat(entriesOf(kept)).isZero();
            });
            assertThat(entriesOf(kept)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT seq FROM audit_event WHERE patient_id = :patient")
                            .param("patient", kept)
                            .query(Long.class)
                            .single())
                    .isGreaterThan(other[0]);

            readWrite.executeWithoutResult(status -> {
                LongTransaction.mark();
                trail.record(entryFor(dropped));
                status.setRollbackOnly();
            });
            assertThat(entriesOf(dropped)).isZero();
            // A transaction of its own inside a long one appends at once, as ever.
            var inner = new TransactionTemplate(transactions);
            inner.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
            readWrite.executeWithoutResult(status -> {
                LongTransaction.mark();
                Long apart = inner.execute(s -> trail.record(entryFor(dropped)));
                assertThat(apart).isGreaterThan(AuditTrail.AT_COMMIT);
                status.setRollbackOnly();
            });
            assertThat(entriesOf(dropped)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    private static AuditEntry entryFor(UUID patient) {
        return AuditEntry.of(UUID.randomUUID(), "REGISTRAR", patient, "RECORD_IMPORT", "record", "SUCCESS", "10.0.0.2");
    }

    private long entriesOf(UUID patient) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE patient_id = :patient")
                .param("patient", patient)
                .query(Long.class)
                .single();
    }

    private static long call(java.util.concurrent.ExecutorService pool, Callable<Long> work) {
        try {
            return pool.submit(work).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("another writer's entry was held back", e);
        }
    }

    @Test
    void auditEntriesCanBeNeitherChangedNorRemoved() {
        long seq =
                trail.record(AuditEntry.of(null, "PATIENT", UUID.randomUUID(), "RECORD_READ", null, "SUCCESS", null));

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET outcome = 'DENIED' WHERE seq = :seq")
                        .param("seq", seq)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE seq = :seq")
                        .param("seq", seq)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
    }

    @Test
    void verificationNamesTheFirstEntryThatWasTamperedWith() throws SQLException {
        trail.record(AuditEntry.of(null, "DOCTOR", UUID.randomUUID(), "RECORD_READ", null, "SUCCESS", null));
        long tampered =
                trail.record(AuditEntry.of(null, "DOCTOR", UUID.randomUUID(), "RECORD_READ", null, "DENIED", null));
        trail.record(AuditEntry.of(null, "DOCTOR", UUID.randomUUID(), "RECORD_READ", null, "SUCCESS", null));

        var tampering = new Tampering(dataSource);
        tampering.changeOutcome(tampered, "SUCCESS");
        try {
            var verification = trail.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBroken()).isEqualTo(tampered);
            var printed = new java.io.ByteArrayOutputStream();
            assertThat(command.verify(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8)))
                    .isEqualTo(1);
            assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("BROKEN at entry " + tampered + " ");
        } finally {
            tampering.changeOutcome(tampered, "DENIED");
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void verificationNamesTheEntryAfterARemovedOneAndTheCommandExitsWithOne() throws SQLException {
        trail.record(AuditEntry.of(null, "DOCTOR", UUID.randomUUID(), "RECORD_READ", null, "SUCCESS", null));
        long removed =
                trail.record(AuditEntry.of(null, "DOCTOR", UUID.randomUUID(), "RECORD_READ", null, "SUCCESS", null));
        long next =
                trail.record(AuditEntry.of(null, "DOCTOR", UUID.randomUUID(), "RECORD_READ", null, "SUCCESS", null));
        var tampering = new Tampering(dataSource);
        var row = tampering.remove(removed);
        try {
            var verification = trail.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBroken()).isEqualTo(next);
        } finally {
            tampering.putBack(row);
        }
        var printed = new java.io.ByteArrayOutputStream();
        assertThat(command.verify(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8)))
                .isZero();
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Audit trail intact");
    }

    @Test
    void aGrantedRoleIsRecordedAsAChangeOfRights() {
        var clinic = new ClinicId(UUID.randomUUID());
        var user = identity.staff()
                .invite(
                        "audited-" + UUID.randomUUID() + "@clinic.example",
                        "Аудитов",
                        "Пётр",
                        null,
                        Role.DOCTOR,
                        clinic,
                        "http://localhost",
                        Locale.ENGLISH);

        var deadline = System.nanoTime() + 10_000_000_000L;
        List<AuditRecord> entries = List.of();
        while (entries.isEmpty() && System.nanoTime() < deadline) {
            entries = trail.search(
                    user.value(), null, java.time.Instant.EPOCH, java.time.Instant.parse("9999-01-01T00:00:00Z"), 10);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("ROLE_GRANTED");
            assertThat(entry.resource()).isEqualTo("DOCTOR@" + clinic.value());
        });
    }

    @Test
    void aPatientSeesTheirOwnAccessLogAndNobodyElses() {
        String phone = org.medkarta.testing.Phones.unique();
        var me = identity.registration()
                .register(
                        new org.medkarta.identity.PatientRegistration(
                                "Журналова",
                                "Ольга",
                                null,
                                phone,
                                "1980-03-03",
                                "log-" + UUID.randomUUID() + "@example.ru",
                                identity.registration().termsVersion()),
                        new ClientInfo("127.0.0.1", "test"),
                        "http://localhost",
                        Locale.ENGLISH);
        UUID doctor = UUID.randomUUID();
        trail.record(AuditEntry.of(
                doctor, "DOCTOR", me.patientId().value(), "RECORD_READ", "record", "SUCCESS", "10.1.1.1"));
        post("/api/v1/auth/otp", java.util.Map.of("phone", phone));
        String token = body(post(
                        "/api/v1/auth/otp/verify",
                        java.util.Map.of("phone", phone, "code", Outbox.latestCode(outbox, phone))))
                .get("accessToken")
                .asString();

        var log = getAs(token, "/api/v1/patients/" + me.patientId().value() + "/access-log");
        var someoneElses = getAs(token, "/api/v1/patients/" + UUID.randomUUID() + "/access-log");

        assertThat(log.statusCode()).isEqualTo(200);
        // The newest entry is this very reading (the access module audits it); the doctor's comes next.
        assertThat(body(log).get(0).get("role").asString()).isEqualTo("SELF");
        assertThat(body(log).get(1).get("actor").asString()).isEqualTo(doctor.toString());
        assertThat(body(log).get(1).get("role").asString()).isEqualTo("DOCTOR");
        assertThat(someoneElses.statusCode()).isEqualTo(404);
    }

    @Test
    void onlyThePlatformAdministratorSearchesExportsAndVerifies() {
        String admin = body(post(
                        "/api/v1/auth/login",
                        java.util.Map.of("email", "admin@demo.medkarta.org", "password", "Demo-admin-1")))
                .get("accessToken")
                .asString();
        trail.record(AuditEntry.of(null, "DOCTOR", UUID.randomUUID(), "=HYPERLINK(\"x\")", null, "SUCCESS", null));

        var verify = getAs(admin, "/api/v1/audit/verify");
        var csv = get("/api/v1/audit.csv", "Authorization", "Bearer " + admin, "Accept", "text/csv");

        assertThat(body(verify).get("intact").asBoolean()).isTrue();
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("seq,at,actor,role,patient").contains("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(get("/api/v1/audit/verify").statusCode()).isEqualTo(401);
    }
}
