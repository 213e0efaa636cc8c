package org.medkarta.signature;

import java.time.Instant;
import java.util.UUID;

/** A CRL a clinic administrator uploaded. */
public record CrlView(UUID id, String issuer, Instant thisUpdate, Instant nextUpdate, int entries) {}
