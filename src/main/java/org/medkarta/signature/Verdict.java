package org.medkarta.signature;

import java.time.Instant;

/**
 * The outcome of verifying one detached signature.
 *
 * @param reason null when valid
 * @param detail a specific English text for logs and the API's {@code reason} detail (the page
 *     shows the localised message of {@code reason})
 * @param signer the signing certificate, or null when the signature could not be read
 * @param signedAt the time the signature is checked at (the CAdES signingTime attribute, or the
 *     time the server received it)
 * @param revocationChecked whether every certificate of the chain was checked against a CRL
 */
public record Verdict(
        boolean valid,
        VerdictReason reason,
        String detail,
        CertificateView signer,
        Instant signedAt,
        boolean revocationChecked) {}
