package org.medkarta.consultation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.consultation.ProtocolForm;
import org.medkarta.consultation.ProtocolSigning;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.web.PageErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * «Подписать и отправить» on the protocol page (issue 16). The browser's signing adapter
 * ({@code static/js/signing.js}) posts the protocol form with the chosen certificate to {@code
 * draft}, signs the PDF it gets back on the doctor's token and posts the detached signature to
 * {@code signature}; both answer JSON for the script, with refusals as messages by field that it
 * shows beside the field or the button. Signing with the doctor's key on the server is a plain form
 * post that drafts and signs in one go.
 */
@Controller
class ProtocolSigningPages {

    private final ProtocolSigning signing;
    private final DeskPages desk;
    private final PageErrors errors;

    ProtocolSigningPages(ProtocolSigning signing, DeskPages desk, PageErrors errors) {
        this.signing = signing;
        this.desk = desk;
        this.errors = errors;
    }

    @PostMapping("/consultations/{id}/protocol/draft")
    @ResponseBody
    ResponseEntity<Object> draft(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Locale locale) {
        UUID consultation = DeskPages.uuid(id);
        try {
            String certificate = form.getFirst("certificate");
            byte[] der = certificate == null || certificate.isBlank()
                    ? null
                    : SignedProtocolJson.base64(certificate, "certificate");
            var draft = signing.draft(user, consultation, protocolForm(form), DeskPages.uploads(files), der);
            return ResponseEntity.ok(SignedProtocolJson.Draft.of(draft));
        } catch (DomainException refused) {
            return refusal(refused, locale);
        }
    }

    @PostMapping("/consultations/{id}/protocol/signature")
    @ResponseBody
    ResponseEntity<Object> sign(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String signature,
            Locale locale) {
        UUID consultation = DeskPages.uuid(id);
        try {
            signing.sign(user, consultation, SignedProtocolJson.base64(signature, "signature"));
            return ResponseEntity.ok(Map.of("location", "/consultations/" + consultation + "?signed"));
        } catch (DomainException refused) {
            return refusal(refused, locale);
        }
    }

    /** Drafts and signs with the doctor's key on the server, the keystore's password entered here. */
    @PostMapping("/consultations/{id}/protocol/server-signature")
    String signOnServer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model,
            Locale locale) {
        UUID consultation = DeskPages.uuid(id);
        String password = form.getFirst("keyPassword");
        try {
            signing.draftOnServer(user, consultation, protocolForm(form), DeskPages.uploads(files));
            signing.signOnServer(user, consultation, password == null ? null : password.toCharArray());
            return "redirect:/consultations/" + consultation + "?signed";
        } catch (DomainException refused) {
            var values = new LinkedHashMap<>(form.toSingleValueMap());
            values.remove("keyPassword");
            var byField = new LinkedHashMap<>(errors.of(
                    refused,
                    locale,
                    Map.of(
                            "keystore-password-wrong", "keyPassword",
                            "signature-invalid", "signing",
                            "snils-missing", "signing",
                            "no-signing-key", "signing",
                            "signing-service-unavailable", "signing")));
            model.addAttribute("errors", byField);
            model.addAttribute("failedForm", "protocol");
            model.addAttribute("form", values);
            model.addAttribute("chosenDiagnoses", form.get("diagnoses") == null ? List.of() : form.get("diagnoses"));
            return desk.consultation(user, id, model);
        }
    }

    /** The doctor's detached signature of the signed protocol's PDF; 404 when it is unsigned. */
    @GetMapping("/consultations/{id}/protocol.sig")
    ResponseEntity<byte[]> sig(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return SignedProtocolJson.sig(signing.signatureFile(user, DeskPages.uuid(id)));
    }

    /** The clinic's co-signature; 404 when the protocol is not co-signed. */
    @GetMapping("/consultations/{id}/protocol.clinic.sig")
    ResponseEntity<byte[]> clinicSig(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return SignedProtocolJson.sig(signing.clinicSignatureFile(user, DeskPages.uuid(id)));
    }

    private static ProtocolForm protocolForm(MultiValueMap<String, String> form) {
        return new ProtocolForm(
                form.getFirst("anamnesis"),
                form.getFirst("recommendations"),
                form.getFirst("additionalRecommendations"),
                form.get("diagnoses") == null ? List.of() : form.get("diagnoses"));
    }

    /**
     * A refusal for the page's script: the messages by field ({@code signing} for what belongs beside
     * the button), the problem's name and the signature's reason.
     */
    private ResponseEntity<Object> refusal(DomainException refused, Locale locale) {
        var body = new LinkedHashMap<String, Object>();
        body.put("problem", refused.problem());
        body.put(
                "errors",
                errors.of(
                        refused,
                        locale,
                        Map.of(
                                "signature-invalid", "signing",
                                "snils-missing", "signing",
                                "protocol-draft-missing", "signing",
                                "certificate-unreadable", "signing",
                                "consultation-not-in-work", "signing",
                                "protocol-already-sent", "signing",
                                "not-the-consulting-doctor", "signing")));
        Object reason = refused.properties().get("reason");
        if (reason != null) {
            body.put("reason", reason);
        }
        return ResponseEntity.status(status(refused.kind())).body(body);
    }

    private static HttpStatus status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
