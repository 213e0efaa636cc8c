package org.medkarta.clinic;

import java.time.Instant;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;

/** A new version of a clinic's offer or consent was published; patients accept it before their next booking. */
public record DocumentPublished(ClinicId clinic, DocumentKind kind, int version, UserId by, Instant at) {}
