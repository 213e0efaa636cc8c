package org.medkarta.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends the entries that join no caller's transaction — reads of record data and refusals, the
 * bulk of the trail — many to one transaction. Every entry waits behind the locked head of the
 * chain, and a commit costs a disk flush (4-5 ms on the development machine): one transaction per
 * entry capped the whole application at about 200 audited reads a second. Here one writer thread
 * takes whatever has queued up while the previous flush ran, appends it under one lock, commits
 * once, and only then lets each caller go on, so an entry is durable before the data it records is
 * returned.
 */
class GroupCommit {

    /** Entries one transaction appends at most. */
    static final int MAX_BATCH = 256;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate transaction;
    private final Function<List<Stamped>, List<Long>> append;
    private final Timer commits;
    private final DistributionSummary batches;
    private volatile Thread writer;

    /**
     * @param append appends entries in order inside the current transaction and returns their
     *     sequence numbers
     * @param meters where the writer reports each transaction: {@code medkarta.audit.group.commit}
     *     (its duration, commit included) and {@code medkarta.audit.group.commit.entries}
     */
    GroupCommit(TransactionTemplate transaction, Function<List<Stamped>, List<Long>> append, MeterRegistry meters) {
        this.transaction = transaction;
        this.append = append;
        this.commits = Timer.builder("medkarta.audit.group.commit")
                .description("One group commit of audit entries, from its first statement to its commit")
                .publishPercentileHistogram()
                .register(meters);
        this.batches = DistributionSummary.builder("medkarta.audit.group.commit.entries")
                .description("Audit entries one group commit appended")
                .register(meters);
    }

    /** Appends the entry in a transaction of its own and returns its sequence number once committed. */
    long append(Stamped entry) {
        Thread running = writer;
        if (running == null) {
            return appendNow(List.of(entry)).get(0);
        }
        var pending = new Pending(entry, new CompletableFuture<>());
        queue.add(pending);
        while (true) {
            try {
                return pending.done().get(1, TimeUnit.SECONDS);
            } catch (TimeoutException slow) {
                // The writer stopped after this entry was queued: append it here, unless it took it.
                if (!running.isAlive() && queue.remove(pending)) {
                    return appendNow(List.of(entry)).get(0);
                }
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the audit entry was being written", interrupted);
            }
        }
    }

    private List<Long> appendNow(List<Stamped> entries) {
        long started = System.nanoTime();
        try {
            return transaction.execute(status -> append.apply(entries));
        } finally {
            commits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batches.record(entries.size());
        }
    }

    private void writeUntilStopped() {
        var batch = new ArrayList<Pending>(MAX_BATCH);
        while (true) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                first = queue.poll();
            }
            if (first == null) {
                if (writer == null) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                var seqs = appendNow(batch.stream().map(Pending::entry).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(seqs.get(i));
                }
            } catch (RuntimeException failed) {
                batch.forEach(pending -> pending.done().completeExceptionally(failed));
            }
            batch.clear();
        }
    }

    void start() {
        var thread = new Thread(this::writeUntilStopped, "audit-group-commit");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    /** Stops taking entries; those already queued are still written. */
    void stop() {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isRunning() {
        return writer != null;
    }

    private record Pending(Stamped entry, CompletableFuture<Long> done) {}

    /** An entry with the id of the request that caused it, taken on the caller's thread. */
    record Stamped(AuditEntry entry, String requestId) {}
}
