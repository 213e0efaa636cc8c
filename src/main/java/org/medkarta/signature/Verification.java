package org.medkarta.signature;

import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.InvalidInput;
import org.springframework.stereotype.Service;

/**
 * Verification for anyone (issue 16): an uploaded document with its detached signature, checked
 * against every clinic's trust anchors on the platform, or a stored document by its id and QR
 * token, checked against its clinic's. Parts above {@code medkarta.signature.max-part} are refused.
 */
@Service
public class Verification {

    /** What the public page and the API show: the verdict, and for a stored document what it is. */
    public record Result(Verdict verdict, SignedDocuments.StoredVerification stored) {}

    private final Signatures signatures;
    private final SignedDocuments documents;
    private final long maxPart;

    Verification(Signatures signatures, SignedDocuments documents, SignatureProperties properties) {
        this.signatures = signatures;
        this.documents = documents;
        this.maxPart = properties.maxPart().toBytes();
    }

    /** The largest document or signature accepted, in bytes. */
    public long maxPart() {
        return maxPart;
    }

    /**
     * @throws InvalidInput naming {@code document} or {@code signature} when one is missing, empty or
     *     too big
     */
    public Result uploaded(byte[] document, byte[] signature) {
        var errors = new java.util.ArrayList<InvalidInput.FieldError>();
        check("document", document, errors);
        check("signature", signature, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Result(signatures.verify(document, signature, Trust.anyClinic()), null);
    }

    /** A stored document; a wrong token or an unknown id is a NOT_FOUND verdict that reveals nothing. */
    public Result stored(String id, String token) {
        Optional<UUID> parsed;
        try {
            parsed = Optional.of(UUID.fromString(id == null ? "" : id.strip()));
        } catch (IllegalArgumentException malformed) {
            parsed = Optional.empty();
        }
        var found = documents.inspect(parsed.orElse(null), token);
        return found.map(stored -> new Result(stored.verdict(), stored))
                .orElseGet(() -> new Result(documents.notFound(), null));
    }

    private void check(String field, byte[] part, java.util.List<InvalidInput.FieldError> errors) {
        if (part == null || part.length == 0) {
            errors.add(new InvalidInput.FieldError(field, "validation.required"));
        } else if (part.length > maxPart) {
            errors.add(new InvalidInput.FieldError(
                    field, "signature.validation.too-big", java.util.List.of(maxPart / (1024 * 1024))));
        }
    }
}
