package org.medkarta.clinic;

import java.time.Instant;

/** A patient's acceptance of one version of a clinic's document, with when and from where (SPEC B2). */
public record Acceptance(DocumentKind kind, int version, Instant acceptedAt, String address) {}
