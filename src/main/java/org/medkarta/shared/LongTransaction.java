package org.medkarta.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the current read-write transaction as a long one (a FHIR transaction Bundle filed in one
 * go: seconds, thousands of statements), for the modules whose work inside a transaction holds a
 * lock every other writer waits for. The audit trail is the one that asks: its entries join the
 * transaction as ever (a change that rolls back leaves no entry), but in a marked transaction they
 * are appended just before it commits, so the head of the hash chain is locked for the commit
 * alone, not for the whole import (bench/fhir found four import workers, and every other audited
 * writer, queued behind one bundle's lock for up to two minutes).
 */
public final class LongTransaction {

    /**
     * The mark: a synchronization of the transaction, so a transaction started inside it on its own
     * ({@code REQUIRES_NEW}, e.g. a refusal audited apart) does not carry it: Spring suspends the
     * outer transaction's synchronizations meanwhile.
     */
    private static final class Mark implements TransactionSynchronization {}

    private LongTransaction() {}

    /** Marks the current transaction (there must be one, with synchronization); the mark ends with it. */
    public static void mark() {
        if (!isMarked()) {
            TransactionSynchronizationManager.registerSynchronization(new Mark());
        }
    }

    /** Whether the current transaction is marked as a long one. */
    public static boolean isMarked() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getSynchronizations().stream()
                        .anyMatch(Mark.class::isInstance);
    }
}
