package org.medkarta.signature;

import java.time.Instant;
import java.util.UUID;

/** One certificate a clinic trusts as the end of a signer's chain. */
public record TrustAnchorView(UUID id, CertificateView certificate, String sha256, Instant addedAt) {}
