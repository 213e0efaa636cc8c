package org.medkarta.consultation.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.medkarta.consultation.ProtocolSignature;
import org.medkarta.consultation.ProtocolSigning;
import org.medkarta.files.FileContent;
import org.medkarta.shared.InvalidInput;
import org.medkarta.signature.CertificateView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The shapes signed protocols take over the API and the page's own JSON calls (issue 16). */
final class SignedProtocolJson {

    static final MediaType PKCS7_SIGNATURE = MediaType.parseMediaType("application/pkcs7-signature");

    private SignedProtocolJson() {}

    /** The certificate as the stamp shows it. */
    record Certificate(
            String name, String organisation, String serial, String issuer, Instant notBefore, Instant notAfter) {
        static Certificate of(CertificateView c) {
            return new Certificate(c.name(), c.organisation(), c.serial(), c.issuer(), c.notBefore(), c.notAfter());
        }
    }

    /**
     * A protocol ready to be signed.
     *
     * @param pdf base64 of the exact PDF bytes the detached signature must cover
     */
    record Draft(UUID consultationId, UUID documentId, String verifyUrl, String pdf, Certificate certificate) {
        static Draft of(ProtocolSigning.Draft d) {
            return new Draft(
                    d.consultationId(),
                    d.documentId(),
                    d.verifyUrl(),
                    Base64.getEncoder().encodeToString(d.pdf()),
                    Certificate.of(d.certificate()));
        }
    }

    /** The signature of a sent protocol. */
    record Signature(
            UUID documentId,
            String verifyUrl,
            String signerName,
            String signerSerial,
            Instant validFrom,
            Instant validTo,
            Instant signedAt,
            boolean coSigned,
            String clinicSignerName,
            String clinicSignerSerial) {
        static Signature of(ProtocolSignature s) {
            return new Signature(
                    s.documentId(),
                    s.verifyUrl(),
                    s.signerName(),
                    s.signerSerial(),
                    s.validFrom(),
                    s.validTo(),
                    s.signedAt(),
                    s.coSigned(),
                    s.clinicSignerName(),
                    s.clinicSignerSerial());
        }
    }

    /**
     * Base64 (or PEM) text to bytes, naming {@code field} when it is none: a client may send the
     * plug-in's answer as it came, with line breaks.
     */
    static byte[] base64(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "validation.required");
        }
        String clean = text.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] bytes = Base64.getDecoder().decode(clean.getBytes(StandardCharsets.US_ASCII));
            if (bytes.length == 0) {
                throw new InvalidInput(field, "validation.required");
            }
            return bytes;
        } catch (IllegalArgumentException wrong) {
            throw new InvalidInput(field, "consultation.signature.base64");
        }
    }

    /** The detached signature as a {@code .sig} download beside its PDF's name. */
    static ResponseEntity<byte[]> sig(FileContent content) {
        return ResponseEntity.ok()
                .contentType(PKCS7_SIGNATURE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.file().name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.content());
    }
}
