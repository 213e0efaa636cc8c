package org.medkarta.record;

/** Where an extract's production stands: ordered, being made, ready, or given up with a reason. */
public enum ExtractState {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** Whether the extract's production is over, for better or worse: the page stops polling. */
    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
