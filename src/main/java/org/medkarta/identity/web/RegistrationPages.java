package org.medkarta.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.medkarta.identity.PatientRegistration;
import org.medkarta.identity.Registration;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.RussianRegions;
import org.medkarta.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Patient registration and e-mail confirmation pages (SPEC A2, seed 000). */
@Controller
class RegistrationPages {

    /**
     * The registration form as typed; {@code acceptTerms} is the offer checkbox, {@code region} the
     * code chosen from the list of regions (blank: not said).
     */
    record RegistrationForm(
            String lastName,
            String firstName,
            String patronymic,
            String phone,
            String birthDate,
            String email,
            String region,
            Boolean acceptTerms) {

        static RegistrationForm empty() {
            return new RegistrationForm("", "", "", "", "", "", "", false);
        }
    }

    private static final Map<String, String> FIELD_OF_PROBLEM = Map.of("phone-taken", "phone", "email-taken", "email");

    private final Registration identity;
    private final PageErrors errors;
    private final PublicUrl publicUrl;

    RegistrationPages(Registration identity, PageErrors errors, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.identity = identity;
        this.errors = errors;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        model.addAttribute("termsVersion", identity.termsVersion());
        model.addAttribute("regions", RussianRegions.all());
        return "identity/register";
    }

    @PostMapping("/register")
    String register(
            @ModelAttribute("form") RegistrationForm form, HttpServletRequest request, Locale locale, Model model) {
        model.addAttribute("termsVersion", identity.termsVersion());
        model.addAttribute("regions", RussianRegions.all());
        boolean accepted = Boolean.TRUE.equals(form.acceptTerms());
        try {
            identity.register(
                    new PatientRegistration(
                            form.lastName(),
                            form.firstName(),
                            form.patronymic(),
                            form.phone(),
                            form.birthDate(),
                            form.email(),
                            accepted ? identity.termsVersion() : null,
                            form.region()),
                    Clients.of(request),
                    publicUrl.base(),
                    locale);
        } catch (DomainException refused) {
            var byField = new java.util.LinkedHashMap<>(errors.of(refused, locale, FIELD_OF_PROBLEM));
            if (byField.remove("termsVersion") != null || !accepted) {
                byField.put("acceptTerms", errors.text("identity.validation.accept-terms", locale));
            }
            model.addAttribute("errors", byField);
            return "identity/register";
        }
        model.addAttribute("email", form.email() == null ? "" : form.email().strip());
        return "identity/registered";
    }

    @GetMapping("/register/confirm")
    String confirm(@RequestParam(required = false) String token, Locale locale, Model model) {
        try {
            identity.confirmEmail(token);
            model.addAttribute("confirmed", true);
        } catch (DomainException refused) {
            model.addAttribute("confirmed", false);
            model.addAttribute("message", errors.message(refused, locale));
        }
        return "identity/confirmed";
    }
}
