package org.medkarta.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.medkarta.shared.LongTransaction;
import org.medkarta.shared.RequestId;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit module's whole API: append an entry, read a patient's access log, search, and verify
 * the chain. Appends join the caller's read-write transaction, so a change that rolls back leaves no
 * entry claiming it happened; reads and refusals are appended apart, by a group commit. A lifecycle
 * bean for that group commit's writer thread.
 */
@Service
public class AuditTrail implements SmartLifecycle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GroupCommit groupCommit;

    private final DataSource writerConnections;

    /** The outcome of the last check of the chain on this node: 1 broken, 0 intact, -1 not yet checked. */
    private final AtomicInteger lastCheck = new AtomicInteger(-1);

    AuditTrail(JdbcClient jdbc, Clock clock, DataSource dataSource, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        // The group commit writes over a connection of its own: a caller that waits for its entry
        // while it holds one of the application's connections (a read-only transaction) must not
        // starve the writer of one.
        this.writerConnections = ownPool(dataSource);
        var writerJdbc = JdbcClient.create(writerConnections);
        var writerTransactions = new TransactionTemplate(new DataSourceTransactionManager(writerConnections));
        this.groupCommit = new GroupCommit(writerTransactions, entries -> append(writerJdbc, entries), meters);
        Gauge.builder("medkarta.audit.chain.broken", lastCheck, AtomicInteger::get)
                .description("1 when the last check of the audit chain found it broken, 0 intact, -1 not yet checked")
                .register(meters);
    }

    private static DataSource ownPool(DataSource application) {
        try {
            if (application.isWrapperFor(HikariDataSource.class)) {
                var config = new HikariConfig();
                application.unwrap(HikariDataSource.class).copyStateTo(config);
                config.setPoolName("audit-group-commit");
                // One writer thread; a second connection only for appends after it stopped.
                config.setMaximumPoolSize(2);
                config.setMinimumIdle(0);
                return new HikariDataSource(config);
            }
        } catch (SQLException notHikari) {
            // the application's own connections serve, as below
        }
        return application;
    }

    /**
     * Appends an entry. Inside a read-write transaction it joins it, so a change that rolls back
     * leaves no entry claiming it happened (in a {@link LongTransaction} it is appended just before
     * the commit, and this answers {@link #AT_COMMIT} instead of its number); otherwise (a read, a
     * refusal, a read-only transaction) it is appended in a transaction of its own, grouped with
     * others waiting at the same time, and this returns once that transaction has committed.
     */
    public long record(AuditEntry entry) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            if (LongTransaction.isMarked()) {
                atCommit().add(stamped(entry));
                return AT_COMMIT;
            }
            return append(jdbc, List.of(stamped(entry))).get(0);
        }
        return groupCommit.append(stamped(entry));
    }

    /** What {@link #record} answers for an entry that waits for its long transaction's commit. */
    public static final long AT_COMMIT = 0;

    /**
     * The entries of the current {@link LongTransaction} waiting for its commit: appended, in the
     * order recorded, just before it commits (still inside it, so a rollback drops them with the
     * change), and the chain's head locked only from then to the commit. A synchronization of that
     * transaction, so a transaction of its own started meanwhile appends its entries as ever.
     */
    private final class AtCommit implements TransactionSynchronization {

        final List<GroupCommit.Stamped> entries = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!entries.isEmpty()) {
                append(jdbc, entries);
            }
        }
    }

    private List<GroupCommit.Stamped> atCommit() {
        for (var synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof AtCommit waiting) {
                return waiting.entries;
            }
        }
        var waiting = new AtCommit();
        TransactionSynchronizationManager.registerSynchronization(waiting);
        return waiting.entries;
    }

    private static GroupCommit.Stamped stamped(AuditEntry entry) {
        return new GroupCommit.Stamped(entry, RequestId.current().orElse(null));
    }

    @Override
    public void start() {
        groupCommit.start();
    }

    @Override
    public void stop() {
        groupCommit.stop();
    }

    /** Closes the writer's own connections when the application ends. */
    @PreDestroy
    void close() {
        if (writerConnections instanceof HikariDataSource own) {
            own.close();
        }
    }

    @Override
    public boolean isRunning() {
        return groupCommit.isRunning();
    }

    /** Stops after the web server (which stops at a higher phase), so requests in flight still audit. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** Appends entries in order; entries line up one after another behind the locked head of the chain. */
    private List<Long> append(JdbcClient jdbc, List<GroupCommit.Stamped> entries) {
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((row, n) -> new Head(row.getLong(1), row.getString(2)))
                .single();
        // Microseconds: the precision both engines keep, so the hash can be recomputed from the row.
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var seqs = new ArrayList<Long>(entries.size());
        long seq = head.seq();
        String previous = head.hash();
        for (var stamped : entries) {
            AuditEntry entry = stamped.entry();
            seq++;
            String hash = hash(previous, seq, at, entry);
            jdbc.sql("""
                            INSERT INTO audit_event (seq, id, at, actor_id, actor_role, patient_id, action, resource,
                                outcome, address, reason, emergency, prev_hash, hash, request_id)
                            VALUES (:seq, :id, :at, :actor, :role, :patient, :action, :resource, :outcome, :address,
                                :reason, :emergency, :prev, :hash, :request)
                            """)
                    .param("request", stamped.requestId())
                    .param("seq", seq)
                    .param("id", UUID.randomUUID())
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .param("actor", entry.actor())
                    .param("role", entry.role())
                    .param("patient", entry.patient())
                    .param("action", entry.action())
                    .param("resource", entry.resource())
                    .param("outcome", entry.outcome())
                    .param("address", entry.address())
                    .param("reason", entry.reason())
                    .param("emergency", entry.emergency())
                    .param("prev", previous)
                    .param("hash", hash)
                    .update();
            seqs.add(seq);
            previous = hash;
        }
        jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq)
                .param("hash", previous)
                .update();
        return seqs;
    }

    /** Who did what to a patient's record, newest first (SPEC G3: the patient sees who opened it). */
    public List<AuditRecord> ofPatient(UUID patient, int limit) {
        return jdbc.sql("SELECT * FROM audit_event WHERE patient_id = :patient ORDER BY seq DESC LIMIT :limit")
                .param("patient", patient)
                .param("limit", limit)
                .query(this::toRecord)
                .list();
    }

    /**
     * One page of the entries about a patient's record, newest first, from {@code from} up to (not including) {@code to} and, when
     * {@code roles} is not empty, only those recorded in one of those roles (SPEC G3: the patient's
     * filtered access log), older than the entry {@code before} when it is not null. Paged by that
     * key rather than by an offset: reading the log is itself an entry, so an offset would show the
     * last line of one page again at the top of the next.
     */
    public List<AuditRecord> ofPatient(
            UUID patient, Instant from, Instant to, java.util.Collection<String> roles, Long before, int limit) {
        boolean anyRole = roles.isEmpty();
        return jdbc.sql("""
                        SELECT * FROM audit_event
                        WHERE patient_id = :patient AND at >= :from AND at < :to AND seq < :before
                          AND (:anyRole OR actor_role IN (:roles))
                        ORDER BY seq DESC LIMIT :limit
                        """)
                .param("patient", patient)
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .param("anyRole", anyRole)
                .param("roles", anyRole ? List.of("") : List.copyOf(roles))
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit)
                .query(this::toRecord)
                .list();
    }

    /** The administrator's search: by actor and by patient (either may be null), in a time range. */
    public List<AuditRecord> search(UUID actor, UUID patient, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT * FROM audit_event
                        WHERE (CAST(:actor AS UUID) IS NULL OR actor_id = :actor)
                          AND (CAST(:patient AS UUID) IS NULL OR patient_id = :patient)
                          AND at >= :from AND at < :to
                        ORDER BY seq DESC LIMIT :limit
                        """)
                .param("actor", actor)
                .param("patient", patient)
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query(this::toRecord)
                .list();
    }

    /**
     * Recomputes every hash from the entries themselves, in order, and names the first entry that
     * does not follow from the one before (a changed field, a removed or inserted entry).
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        var state = new Object() {
            String previous = "0".repeat(64);
            long expectedSeq = 1;
            long checked = 0;
            Long broken = null;
        };
        jdbc.sql("SELECT * FROM audit_event ORDER BY seq").query(row -> {
            if (state.broken != null) {
                return;
            }
            var entry = toRecord(row, 0);
            String stored = row.getString("hash");
            boolean follows = entry.seq() == state.expectedSeq
                    && state.previous.equals(row.getString("prev_hash"))
                    && stored.equals(hash(state.previous, entry.seq(), entry.at(), entryOf(entry)));
            state.checked++;
            if (!follows) {
                state.broken = entry.seq();
            }
            state.previous = stored;
            state.expectedSeq = entry.seq() + 1;
        });
        var verification = new Verification(state.checked, state.broken);
        lastCheck.set(verification.intact() ? 0 : 1);
        return verification;
    }

    private static AuditEntry entryOf(AuditRecord record) {
        return new AuditEntry(
                record.actor(),
                record.role(),
                record.patient(),
                record.action(),
                record.resource(),
                record.outcome(),
                record.address(),
                record.reason(),
                record.emergency());
    }

    static String hash(String previous, long seq, Instant at, AuditEntry entry) {
        String canonical = String.join(
                "\u001f",
                previous,
                Long.toString(seq),
                at.toString(),
                String.valueOf(entry.actor()),
                entry.role(),
                String.valueOf(entry.patient()),
                entry.action(),
                String.valueOf(entry.resource()),
                entry.outcome(),
                String.valueOf(entry.address()),
                String.valueOf(entry.reason()),
                Boolean.toString(entry.emergency()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private AuditRecord toRecord(ResultSet row, int number) throws SQLException {
        return new AuditRecord(
                row.getLong("seq"),
                row.getObject("at", OffsetDateTime.class).toInstant(),
                row.getObject("actor_id", UUID.class),
                row.getString("actor_role"),
                row.getObject("patient_id", UUID.class),
                row.getString("action"),
                row.getString("resource"),
                row.getString("outcome"),
                row.getString("address"),
                row.getString("reason"),
                row.getBoolean("emergency"));
    }

    private record Head(long seq, String hash) {}
}
