package org.medkarta.record;

import org.medkarta.shared.ClinicId;

/** A clinic that may issue an extract of a record: one that keeps it (attachment) or wrote in it. */
public record ExtractClinic(ClinicId id, String name) {}
