package org.medkarta.signature.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.medkarta.shared.DomainException;
import org.medkarta.signature.Verification;
import org.medkarta.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * «Проверка электронной подписи» for anyone, signed in or not (issue 16): a document with its
 * detached signature is uploaded, or the QR code of a document Medkarta issued opens the page with
 * its verdict at once. The page never shows a stored document's content.
 */
@Controller
@RequestMapping("/signatures/verify")
class VerificationPages {

    private final Verification verification;
    private final PageErrors errors;

    VerificationPages(Verification verification, PageErrors errors) {
        this.verification = verification;
        this.errors = errors;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String document,
            @RequestParam(required = false) String token,
            Model model) {
        if (document != null) {
            model.addAttribute("result", verification.stored(document, token));
        }
        model.addAttribute("maxMegabytes", verification.maxPart() / (1024 * 1024));
        return "signature/verify";
    }

    @PostMapping
    String verify(
            @RequestParam(required = false) MultipartFile document,
            @RequestParam(required = false) MultipartFile signature,
            Model model,
            Locale locale) {
        try {
            model.addAttribute("result", verification.uploaded(bytes(document), bytes(signature)));
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
        }
        model.addAttribute("maxMegabytes", verification.maxPart() / (1024 * 1024));
        return "signature/verify";
    }

    private byte[] bytes(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
