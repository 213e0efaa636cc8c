package org.medkarta.record;

import org.medkarta.shared.DomainException;

/**
 * Clinical entries are read-only for patients and their representatives; they change only their
 * contact data (SPEC E6, seed 002).
 */
public class ClinicalEntriesReadOnly extends DomainException {

    public ClinicalEntriesReadOnly() {
        super(Kind.FORBIDDEN, "clinical-entries-read-only", "problem.clinical-entries-read-only");
    }
}
