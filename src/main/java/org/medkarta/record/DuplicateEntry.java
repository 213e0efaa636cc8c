package org.medkarta.record;

import java.util.UUID;
import org.medkarta.shared.DomainException;

/**
 * The new entry matches one already in the record: same type, code, date and value (SPEC E7). The
 * clinician confirms to file it anyway.
 */
public class DuplicateEntry extends DomainException {

    public DuplicateEntry(UUID existing) {
        super(Kind.CONFLICT, "duplicate-entry", "problem.duplicate-entry");
        with("existingEntryId", existing);
    }
}
