package org.medkarta.signature.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.signature.SigningKey;
import org.medkarta.signature.SigningKeys;
import org.medkarta.signature.TrustAnchors;
import org.medkarta.web.PageErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * «Электронная подпись» among a clinic's admin pages (issue 16): the certificates the clinic trusts,
 * uploaded CRLs, and the clinic's own signing key. Anyone but its administrators is answered 404.
 */
@Controller
@RequestMapping("/admin/clinics/{id}/trust-anchors")
class TrustAnchorPages {

    private static final Map<String, String> KEY_FIELDS = Map.of(
            "keystore-password-wrong", "password",
            "keystore-unreadable", "keystore",
            "certificate-not-for-signing", "keystore",
            "signature-key-unsupported", "keystore",
            "trust-anchor-exists", "certificate");

    private final TrustAnchors anchors;
    private final SigningKeys keys;
    private final PageErrors errors;

    TrustAnchorPages(TrustAnchors anchors, SigningKeys keys, PageErrors errors) {
        this.anchors = anchors;
        this.keys = keys;
        this.errors = errors;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var clinic = clinic(id);
        model.addAttribute("clinic", anchors.clinic(user, clinic));
        model.addAttribute("anchors", anchors.anchors(user, clinic));
        model.addAttribute("crls", anchors.crls(user, clinic));
        model.addAttribute("signingKey", keys.current(user, key(clinic)).orElse(null));
        return "signature/trust-anchors";
    }

    @PostMapping
    String add(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile certificate,
            Model model,
            Locale locale) {
        return act(
                user,
                id,
                model,
                locale,
                "added",
                () -> anchors.add(user, clinic(id), bytes(certificate, "certificate"), "certificate"));
    }

    @PostMapping("/{anchor}/delete")
    String remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String anchor) {
        anchors.remove(user, clinic(id), TrustAnchorApi.uuid(anchor));
        return "redirect:/admin/clinics/" + id + "/trust-anchors?removed";
    }

    @PostMapping("/crls")
    String addCrl(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile crl,
            Model model,
            Locale locale) {
        return act(
                user, id, model, locale, "crlAdded", () -> anchors.addCrl(user, clinic(id), bytes(crl, "crl"), "crl"));
    }

    @PostMapping("/crls/{crl}/delete")
    String removeCrl(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String crl) {
        anchors.removeCrl(user, clinic(id), TrustAnchorApi.uuid(crl));
        return "redirect:/admin/clinics/" + id + "/trust-anchors?removed";
    }

    @PostMapping("/signing-key")
    String uploadKey(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile keystore,
            @RequestParam(required = false) String password,
            Model model,
            Locale locale) {
        return act(
                user,
                id,
                model,
                locale,
                "keyUploaded",
                () -> keys.upload(user, key(clinic(id)), bytes(keystore, "keystore"), Uploads.password(password)));
    }

    private String act(SignedInUser user, String id, Model model, Locale locale, String done, Runnable action) {
        try {
            action.run();
            return "redirect:/admin/clinics/" + id + "/trust-anchors?" + done;
        } catch (NotFound notAdministrator) {
            throw notAdministrator;
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale, KEY_FIELDS));
            return page(user, id, model);
        }
    }

    static byte[] bytes(MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInput(field, "validation.required");
        }
        if (file.getSize() > Uploads.MAX_BYTES) {
            throw new InvalidInput(field, "signature.validation.too-big", 1);
        }
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static SigningKey key(ClinicId clinic) {
        return new SigningKey(SigningKey.Owner.CLINIC, clinic.value());
    }

    private static ClinicId clinic(String id) {
        try {
            return ClinicId.of(id);
        } catch (InvalidInput malformed) {
            throw new NotFound();
        }
    }
}
