package org.medkarta.access;

import java.util.Objects;
import org.medkarta.shared.PatientId;

/**
 * A permitted access: whose record, on what grounds and at what level. Only {@link RecordAccess}
 * makes one, so a method of the record module that asks for a decision can only be called after
 * the policy point said yes.
 */
public final class AccessDecision {

    private final PatientId patient;
    private final Relation relation;
    private final AccessLevel level;
    private final RecordAction action;

    AccessDecision(PatientId patient, Relation relation, AccessLevel level, RecordAction action) {
        this.patient = Objects.requireNonNull(patient);
        this.relation = Objects.requireNonNull(relation);
        this.level = Objects.requireNonNull(level);
        this.action = Objects.requireNonNull(action);
    }

    /** Whose record was opened. */
    public PatientId patient() {
        return patient;
    }

    /** On what grounds. */
    public Relation relation() {
        return relation;
    }

    /** The level the relation carries; {@link AccessLevel#FULL} for the patient and a parent. */
    public AccessLevel level() {
        return level;
    }

    /** What was allowed. */
    public RecordAction action() {
        return action;
    }

    /**
     * Whether the grounds of this decision also let its holder download the record's files, as a
     * {@link RecordAction#DOWNLOAD} decision would: all but a grantee with {@code VIEW} only. For
     * showing a download link beside what was read, without a second decision.
     */
    public boolean mayDownload() {
        return relation != Relation.GRANTEE || RecordAccess.allows(level, RecordAction.DOWNLOAD);
    }
}
