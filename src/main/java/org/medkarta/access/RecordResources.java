package org.medkarta.access;

import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.PatientId;

/**
 * A kind of record data that has an address of its own, outside {@code /api/v1/patients/{id}} (an
 * extract at {@code /api/v1/extracts/{id}}): the module that keeps it says whose record each one is
 * about, so that an anonymous attempt at it is audited against that record as any other is (issue
 * 7: every request about a record leaves one entry). The access module cannot read other modules'
 * data itself; they depend on it, not it on them.
 */
public interface RecordResources {

    /** The path the resource's id follows, such as {@code /api/v1/extracts/}. */
    String prefix();

    /** Whose record the resource with this id is about; empty for an unknown id. */
    Optional<PatientId> recordOf(UUID id);

    /** What a request at the resource stands for, as the policy point names its decisions. */
    RecordAction action(String method);
}
