package org.medkarta.signature.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.signature.SigningKeys;
import org.medkarta.web.PageErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** «Мой ключ электронной подписи»: a doctor uploads the PKCS#12 file they sign protocols with. */
@Controller
@RequestMapping("/profile/signing-key")
class SigningKeyPages {

    private static final Map<String, String> FIELDS = Map.of(
            "keystore-password-wrong", "password",
            "keystore-unreadable", "keystore",
            "certificate-not-for-signing", "keystore",
            "signature-key-unsupported", "keystore");

    private final SigningKeys keys;
    private final PageErrors errors;

    SigningKeyPages(SigningKeys keys, PageErrors errors) {
        this.keys = keys;
        this.errors = errors;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        doctor(user);
        model.addAttribute(
                "signingKey", keys.current(user, SigningKeys.doctorKey(user)).orElse(null));
        return "signature/signing-key";
    }

    @PostMapping
    String upload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) MultipartFile keystore,
            @RequestParam(required = false) String password,
            Model model,
            Locale locale) {
        doctor(user);
        try {
            keys.upload(
                    user,
                    SigningKeys.doctorKey(user),
                    TrustAnchorPages.bytes(keystore, "keystore"),
                    Uploads.password(password));
            return "redirect:/profile/signing-key?uploaded";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale, FIELDS));
            return page(user, model);
        }
    }

    private static void doctor(SignedInUser user) {
        if (user == null || !user.has(Role.DOCTOR)) {
            throw new NotFound();
        }
    }
}
