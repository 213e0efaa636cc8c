package org.medkarta.record;

import java.time.Instant;
import java.util.UUID;

/**
 * The electronic signature of a consultation protocol filed in the record (SPEC D9, issue 16): the
 * entry offers the signed PDF and its detached signature, and names the certificate.
 *
 * @param coSigned whether the clinic co-signed the same PDF
 * @param verifyUrl the public verification page the PDF's QR code opens
 */
public record SignedProtocol(
        UUID entryId,
        String signerName,
        String signerSerial,
        Instant validTo,
        String verifyUrl,
        Instant signedAt,
        boolean coSigned) {}
