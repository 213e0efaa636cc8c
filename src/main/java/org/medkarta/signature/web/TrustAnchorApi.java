package org.medkarta.signature.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.signature.CertificateView;
import org.medkarta.signature.CrlView;
import org.medkarta.signature.SigningKey;
import org.medkarta.signature.SigningKeys;
import org.medkarta.signature.TrustAnchorView;
import org.medkarta.signature.TrustAnchors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A clinic's trust store and its signing key, for that clinic's administrators (issue 16). Anyone
 * else signed in is answered 404, as for any clinic's private data.
 */
@RestController
@RequestMapping("/api/v1/clinics/{id}")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Signature trust anchors")
class TrustAnchorApi {

    private final TrustAnchors anchors;
    private final SigningKeys keys;

    TrustAnchorApi(TrustAnchors anchors, SigningKeys keys) {
        this.anchors = anchors;
        this.keys = keys;
    }

    /** The certificates the clinic trusts as roots of signers' chains. */
    @GetMapping("/trust-anchors")
    List<TrustAnchorView> anchors(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return anchors.anchors(user, clinic(id));
    }

    /**
     * Adds a trusted certificate: multipart {@code certificate} (PEM, DER or base64) → 201; 422
     * {@code invalid-input} naming {@code certificate} when it is not a CA certificate; 409 {@code
     * trust-anchor-exists}.
     */
    @PostMapping(value = "/trust-anchors", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TrustAnchorView add(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile certificate) {
        return anchors.add(user, clinic(id), Uploads.bytes(certificate, "certificate"), "certificate");
    }

    @DeleteMapping("/trust-anchors/{anchorId}")
    ResponseEntity<Void> remove(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String anchorId) {
        anchors.remove(user, clinic(id), uuid(anchorId));
        return ResponseEntity.noContent().build();
    }

    /** The CRLs the clinic's administrators uploaded. */
    @GetMapping("/trust-anchors/crls")
    List<CrlView> crls(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return anchors.crls(user, clinic(id));
    }

    /** Uploads a CRL: multipart {@code crl} (PEM, DER or base64) → 201; 422 naming {@code crl}. */
    @PostMapping(value = "/trust-anchors/crls", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CrlView addCrl(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile crl) {
        return anchors.addCrl(user, clinic(id), Uploads.bytes(crl, "crl"), "crl");
    }

    @DeleteMapping("/trust-anchors/crls/{crlId}")
    ResponseEntity<Void> removeCrl(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String crlId) {
        anchors.removeCrl(user, clinic(id), uuid(crlId));
        return ResponseEntity.noContent().build();
    }

    /** The certificate of the clinic's signing key, or 404 when none is kept. */
    @GetMapping("/signing-key")
    CertificateView signingKey(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return keys.current(user, key(id)).orElseThrow(NotFound::new);
    }

    /**
     * Keeps the clinic's PKCS#12 file: multipart {@code keystore} and {@code password} → 201 with its
     * certificate; 422 {@code keystore-password-wrong}, {@code keystore-unreadable}, {@code
     * certificate-not-for-signing}.
     */
    @PostMapping(value = "/signing-key", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CertificateView uploadKey(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile keystore,
            @RequestParam(required = false) String password) {
        return keys.upload(user, key(id), Uploads.bytes(keystore, "keystore"), Uploads.password(password));
    }

    private static SigningKey key(String id) {
        return new SigningKey(SigningKey.Owner.CLINIC, clinic(id).value());
    }

    private static ClinicId clinic(String id) {
        try {
            return ClinicId.of(id);
        } catch (InvalidInput malformed) {
            throw new NotFound();
        }
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound();
        }
    }
}
