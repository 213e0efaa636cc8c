package org.medkarta.record;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.PatientId;

/**
 * Published when an entry is filed or gets a new version, for the FHIR facade and anyone who keeps
 * a copy.
 */
public record EntryChanged(
        UUID entryId, PatientId patientId, EntryType type, int version, EntryStatus status, Instant at) {}
