package org.medkarta.consultation;

import java.time.Instant;
import java.util.UUID;

/**
 * The electronic signature of a sent protocol (SPEC D9, issue 16): the signed PDF and the detached
 * signatures kept in the files module, and what the stamp on the PDF says of the certificate.
 *
 * @param documentId the signed document in the signature module's registry
 * @param verifyUrl the public verification page the PDF's QR code opens
 * @param pdfFileId the exact bytes that were signed
 * @param signatureFileId the doctor's detached CMS SignedData (DER)
 * @param clinicSignatureFileId the clinic's co-signature over the same bytes, or null
 * @param signerName the certificate's owner
 * @param signerSerial the certificate's serial number (upper-case hexadecimal)
 * @param clinicSignerName the clinic certificate's owner, or null
 */
public record ProtocolSignature(
        UUID documentId,
        String verifyUrl,
        UUID pdfFileId,
        UUID signatureFileId,
        UUID clinicSignatureFileId,
        String signerName,
        String signerSerial,
        Instant validFrom,
        Instant validTo,
        String clinicSignerName,
        String clinicSignerSerial,
        Instant signedAt) {

    public boolean coSigned() {
        return clinicSignatureFileId != null;
    }
}
