package org.medkarta.fhir;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;

/**
 * A clinic's bulk import as its staff follow it (issue 15): how far it got and what it did.
 *
 * @param source what was imported: the folder, or the names of the uploaded files
 * @param unitKind what one unit is, once the source has been read: a Bundle file, or a patient's
 *     resources from an NDJSON set
 * @param unitsTotal how many units the source holds; null until it has been read
 * @param resources resources imported so far (created + matched + duplicates + kept + refused)
 * @param refusals the first refusals, each with its unit and the reason, in the job's language
 */
public record BulkImportJob(
        UUID id,
        ClinicId clinic,
        UserId startedBy,
        String source,
        boolean uploaded,
        UnitKind unitKind,
        State state,
        Integer unitsTotal,
        int unitsDone,
        int resources,
        int created,
        int matched,
        int duplicates,
        int kept,
        int refused,
        int warnings,
        String error,
        Instant startedAt,
        Instant finishedAt,
        List<Refusal> refusals) {

    public enum State {
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    public enum UnitKind {
        /** One transaction or batch Bundle per file. */
        FILE,
        /** One patient's resources from an NDJSON set, imported as one transaction Bundle. */
        PATIENT
    }

    /** A unit, or an entry of it, that was not imported, and why. */
    public record Refusal(String unit, String reason) {}

    public BulkImportJob {
        refusals = List.copyOf(refusals);
    }

    BulkImportJob withRefusals(List<Refusal> found) {
        return new BulkImportJob(
                id,
                clinic,
                startedBy,
                source,
                uploaded,
                unitKind,
                state,
                unitsTotal,
                unitsDone,
                resources,
                created,
                matched,
                duplicates,
                kept,
                refused,
                warnings,
                error,
                startedAt,
                finishedAt,
                found);
    }

    /** Percent of the units done, 0 to 100. */
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        return unitsTotal == null || unitsTotal == 0 ? 0 : (int) Math.min(100, unitsDone * 100L / unitsTotal);
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    /** May be continued: it failed, or it was running when its node stopped. */
    public boolean resumable(boolean activeHere) {
        return state == State.FAILED || (state == State.RUNNING && !activeHere);
    }
}
