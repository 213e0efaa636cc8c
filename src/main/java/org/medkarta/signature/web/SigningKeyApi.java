package org.medkarta.signature.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.signature.CertificateView;
import org.medkarta.signature.SigningKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A doctor's own signing key: the PKCS#12 file they sign protocols with on the server (issue 16). */
@RestController
@PreAuthorize("hasRole('DOCTOR')")
@Tag(name = "Signing keys")
class SigningKeyApi {

    private final SigningKeys keys;

    SigningKeyApi(SigningKeys keys) {
        this.keys = keys;
    }

    /** The certificate of the signed-in doctor's key, or 404 when none is kept. */
    @GetMapping("/api/v1/signing-key")
    CertificateView current(@AuthenticationPrincipal SignedInUser user) {
        return keys.current(user, SigningKeys.doctorKey(user)).orElseThrow(NotFound::new);
    }

    /**
     * Keeps the doctor's PKCS#12 file: multipart {@code keystore} and {@code password} (checked,
     * never stored) → 201 with its certificate; 422 {@code keystore-password-wrong}, {@code
     * keystore-unreadable}, {@code certificate-not-for-signing}.
     */
    @PostMapping(value = "/api/v1/signing-key", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CertificateView upload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) MultipartFile keystore,
            @RequestParam(required = false) String password) {
        return keys.upload(
                user, SigningKeys.doctorKey(user), Uploads.bytes(keystore, "keystore"), Uploads.password(password));
    }
}
