package org.medkarta.terminology.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.terminology.Icd10Entry;
import org.medkarta.terminology.Terminology;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The administrator's dictionaries page (upload of the ministry's ICD-10 file) and the htmx
 * fragment that suggests diagnoses as a doctor types in a form.
 */
@Controller
class TerminologyPages {

    private final Terminology terminology;
    private final PageErrors errors;

    TerminologyPages(Terminology terminology, PageErrors errors) {
        this.terminology = terminology;
        this.errors = errors;
    }

    @GetMapping("/admin/terminology")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    String page(Model model) {
        model.addAttribute("size", terminology.icd10Size());
        model.addAttribute("last", terminology.lastIcd10Import().orElse(null));
        return "terminology/admin";
    }

    @PostMapping("/admin/terminology/icd10")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    String upload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            Locale locale) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInput("file", "validation.required");
            }
            model.addAttribute("result", terminology.importIcd10(user, file.getOriginalFilename(), file.getBytes()));
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return page(model);
    }

    /**
     * Suggestions for a diagnosis field: {@code target} names the list the chosen code is added to.
     */
    @GetMapping("/terminology/icd10/options")
    String options(@RequestParam(required = false) String q, Model model, Locale locale) {
        List<Icd10Entry> found;
        try {
            found = terminology.searchIcd10(q, 15);
        } catch (DomainException refused) {
            found = List.of();
            model.addAttribute("error", errors.message(refused, locale));
        }
        model.addAttribute("q", q);
        model.addAttribute("entries", found);
        // Nothing found in an empty dictionary is not "nothing found": say why and how to load it.
        // (While it is being loaded, the refusal above says so instead.)
        model.addAttribute(
                "dictionaryEmpty",
                found.isEmpty() && !model.containsAttribute("error") && terminology.icd10Size() == 0);
        return "terminology/fragments :: options";
    }
}
