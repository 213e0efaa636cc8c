package org.medkarta.consultation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.medkarta.consultation.ProtocolForm;
import org.medkarta.consultation.ProtocolSigning;
import org.medkarta.consultation.ProtocolView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The doctor signs the protocol over the open API (SPEC D9, issue 16): a draft renders the PDF with
 * the stamp of the chosen certificate, the client signs its exact bytes (detached CAdES-BES) and
 * uploads the signature, which is verified before the protocol is sent. Someone else's
 * consultation answers 404; a signature that does not hold answers 422 {@code signature-invalid}
 * with its {@code reason}.
 */
@RestController
@Tag(name = "Consultations")
@PreAuthorize("isAuthenticated()")
class ProtocolSigningApi {

    /**
     * @param certificate the chosen certificate, base64 of DER (or PEM); leave out with {@code
     *     onServer}
     * @param onServer sign with the doctor's key on the server instead of a token
     */
    record DraftBody(
            String anamnesis,
            String recommendations,
            String additionalRecommendations,
            List<String> diagnoses,
            String certificate,
            Boolean onServer) {}

    /** @param signature base64 of the detached CMS SignedData (DER), or PEM */
    record SignatureBody(String signature) {}

    /** @param password the doctor's keystore password */
    record ServerSignatureBody(String password) {}

    /** The sent protocol with its signature. */
    record SignedProtocol(UUID consultationId, java.time.Instant sentAt, SignedProtocolJson.Signature signature) {}

    private final ProtocolSigning signing;

    ProtocolSigningApi(ProtocolSigning signing) {
        this.signing = signing;
    }

    /**
     * Checks the protocol as sending does and the certificate against the doctor's SNILS, and
     * returns the PDF to sign: 201; 422 {@code invalid-input} naming the field; 422 {@code
     * signature-invalid} ({@code SIGNER_MISMATCH}) for a certificate that is not the doctor's; 409
     * {@code snils-missing} when the doctor's profile has no SNILS.
     */
    @PostMapping("/api/v1/consultations/{id}/protocol/draft")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft the protocol for signing: the PDF with the signature stamp")
    SignedProtocolJson.Draft draft(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody DraftBody body) {
        var form = new ProtocolForm(
                body.anamnesis(), body.recommendations(), body.additionalRecommendations(), body.diagnoses());
        UUID consultation = DeskPages.uuid(id);
        if (Boolean.TRUE.equals(body.onServer())) {
            return SignedProtocolJson.Draft.of(signing.draftOnServer(user, consultation, form, List.of()));
        }
        byte[] certificate = body.certificate() == null || body.certificate().isBlank()
                ? null
                : SignedProtocolJson.base64(body.certificate(), "certificate");
        return SignedProtocolJson.Draft.of(signing.draft(user, consultation, form, List.of(), certificate));
    }

    /**
     * Accepts the detached signature of the draft's PDF, verifies it and sends the protocol: 201;
     * 422 {@code signature-invalid} with {@code reason} (ALTERED, UNKNOWN_ROOT, EXPIRED, REVOKED,
     * KEY_USAGE, SIGNER_MISMATCH, MALFORMED); 409 {@code protocol-draft-missing}.
     */
    @PostMapping(path = "/api/v1/consultations/{id}/protocol/signature", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload the detached signature (base64 JSON) and send the signed protocol")
    SignedProtocol sign(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody SignatureBody body) {
        UUID consultation = DeskPages.uuid(id);
        return signed(
                user,
                consultation,
                signing.sign(user, consultation, SignedProtocolJson.base64(body.signature(), "signature")));
    }

    /** The same as a multipart upload of the {@code .sig} file in the part {@code signature}. */
    @PostMapping(path = "/api/v1/consultations/{id}/protocol/signature", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload the detached signature (a .sig file) and send the signed protocol")
    SignedProtocol signFile(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestPart(name = "signature", required = false) MultipartFile file) {
        UUID consultation = DeskPages.uuid(id);
        if (file == null || file.isEmpty()) {
            throw new InvalidInput("signature", "validation.required");
        }
        try {
            return signed(user, consultation, signing.sign(user, consultation, file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Signs the draft's PDF with the doctor's key on the server and sends the protocol: 201; 422
     * {@code keystore-password-wrong}; 409 {@code no-signing-key}.
     */
    @PostMapping("/api/v1/consultations/{id}/protocol/server-signature")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign the drafted protocol with the doctor's key on the server and send it")
    SignedProtocol signOnServer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody ServerSignatureBody body) {
        UUID consultation = DeskPages.uuid(id);
        char[] password = body.password() == null ? null : body.password().toCharArray();
        return signed(user, consultation, signing.signOnServer(user, consultation, password));
    }

    /** The signature of a sent protocol: owner, serial, validity, the verification page; 404 unsigned. */
    @GetMapping("/api/v1/consultations/{id}/protocol/signature")
    @Operation(summary = "The signature of the sent protocol")
    SignedProtocolJson.Signature signature(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return signing.signature(user, DeskPages.uuid(id))
                .map(SignedProtocolJson.Signature::of)
                .orElseThrow(NotFound::new);
    }

    /** The doctor's detached signature of the signed protocol's PDF; 404 when it is unsigned. */
    @GetMapping(path = "/api/v1/consultations/{id}/protocol.sig")
    @Operation(summary = "The detached signature (CMS, DER) of the signed protocol's PDF")
    ResponseEntity<byte[]> sig(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return SignedProtocolJson.sig(signing.signatureFile(user, DeskPages.uuid(id)));
    }

    /** The clinic's co-signature of the same PDF; 404 when it is not co-signed. */
    @GetMapping(path = "/api/v1/consultations/{id}/protocol.clinic.sig")
    @Operation(summary = "The clinic's detached co-signature of the signed protocol's PDF")
    ResponseEntity<byte[]> clinicSig(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return SignedProtocolJson.sig(signing.clinicSignatureFile(user, DeskPages.uuid(id)));
    }

    private SignedProtocol signed(SignedInUser user, UUID consultation, ProtocolView protocol) {
        return new SignedProtocol(
                consultation,
                protocol.sentAt(),
                signing.signature(user, consultation)
                        .map(SignedProtocolJson.Signature::of)
                        .orElse(null));
    }
}
