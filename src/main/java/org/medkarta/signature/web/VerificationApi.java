package org.medkarta.signature.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.medkarta.shared.InvalidInput;
import org.medkarta.signature.CertificateView;
import org.medkarta.signature.SignedDocuments;
import org.medkarta.signature.Verdict;
import org.medkarta.signature.Verification;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Verification of a signed document by anyone, without signing in (issue 16). */
@RestController
@Tag(name = "Signatures")
class VerificationApi {

    record Signer(
            String name,
            String organisation,
            String snils,
            String ogrn,
            String serial,
            String issuer,
            String notBefore,
            String notAfter,
            String algorithm) {

        static Signer of(CertificateView view) {
            return view == null
                    ? null
                    : new Signer(
                            view.name(),
                            view.organisation(),
                            view.snils(),
                            view.ogrn(),
                            view.serial(),
                            view.issuer(),
                            view.notBefore().toString(),
                            view.notAfter().toString(),
                            view.algorithm());
        }
    }

    record Document(String id, String kind, String title, String clinicId, String clinic, String filedAt) {

        static Document of(SignedDocuments.StoredVerification stored) {
            return stored == null
                    ? null
                    : new Document(
                            stored.id().toString(),
                            stored.kind(),
                            stored.title(),
                            stored.clinic().value().toString(),
                            stored.clinicName(),
                            stored.filedAt().toString());
        }
    }

    /**
     * @param reason null when valid: MALFORMED, ALTERED, UNKNOWN_ROOT, EXPIRED, REVOKED, KEY_USAGE,
     *     SIGNER_MISMATCH or NOT_FOUND
     * @param message the reason in the reader's language
     * @param detail the specific reason, in English
     */
    record VerdictJson(
            boolean valid,
            String reason,
            String message,
            String detail,
            Signer signer,
            String signedAt,
            boolean revocationChecked,
            Document document) {

        static VerdictJson of(Verification.Result result, MessageSource messages, Locale locale) {
            Verdict verdict = result.verdict();
            String message = verdict.reason() == null
                    ? messages.getMessage("signature.verdict.valid", null, locale)
                    : messages.getMessage(Labels.reasonCode(verdict.reason()), null, locale);
            return new VerdictJson(
                    verdict.valid(),
                    verdict.reason() == null ? null : verdict.reason().name(),
                    message,
                    verdict.reason() == null || verdict.reason() == org.medkarta.signature.VerdictReason.NOT_FOUND
                            ? null
                            : verdict.detail(),
                    Signer.of(verdict.signer()),
                    verdict.signedAt() == null ? null : verdict.signedAt().toString(),
                    verdict.revocationChecked(),
                    Document.of(result.stored()));
        }
    }

    private final Verification verification;
    private final MessageSource messages;

    VerificationApi(Verification verification, MessageSource messages) {
        this.verification = verification;
        this.messages = messages;
    }

    /**
     * Verifies a detached signature (multipart {@code document} and {@code signature}: DER, PEM or
     * base64) against the trust anchors of every clinic on the platform, or a stored document by
     * {@code documentId} and its QR {@code token} against its clinic's → 200 with the verdict: valid,
     * or exactly why not. A wrong token or an unknown id answers the verdict NOT_FOUND and reveals
     * nothing. 422 {@code invalid-input} naming {@code document} or {@code signature} when one is
     * missing or larger than {@code medkarta.signature.max-part}.
     */
    @PostMapping(
            value = "/api/v1/signatures/verify",
            consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    VerdictJson verify(
            @RequestParam(required = false) MultipartFile document,
            @RequestParam(required = false) MultipartFile signature,
            @RequestParam(required = false) String documentId,
            @RequestParam(required = false) String token,
            Locale locale) {
        Verification.Result result;
        if (documentId != null && document == null && signature == null) {
            result = verification.stored(documentId, token);
        } else {
            result = verification.uploaded(bytes(document, "document"), bytes(signature, "signature"));
        }
        return VerdictJson.of(result, messages, locale);
    }

    private byte[] bytes(MultipartFile file, String field) {
        if (file == null) {
            return null;
        }
        if (file.getSize() > verification.maxPart()) {
            throw new InvalidInput(field, "signature.validation.too-big", verification.maxPart() / (1024 * 1024));
        }
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
