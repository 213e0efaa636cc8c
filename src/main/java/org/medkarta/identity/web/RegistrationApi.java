package org.medkarta.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.medkarta.identity.PatientRegistration;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Registration;
import org.medkarta.identity.Terms;
import org.medkarta.shared.PublicUrl;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Patient self-registration (SPEC A2). */
@RestController
@Tag(name = "Sign-in")
class RegistrationApi {

    private final Registration identity;
    private final PublicUrl publicUrl;

    RegistrationApi(Registration identity, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.identity = identity;
    }

    /**
     * The platform terms in force: a registration sends their {@code version} as {@code
     * termsVersion}. Public, so that an app can show them before anyone registers.
     */
    @GetMapping("/api/v1/terms")
    Terms terms(Locale locale) {
        return identity.terms(locale);
    }

    /** 201 with the new ids; 409 {@code phone-taken} / {@code email-taken}; 422 {@code invalid-input}. */
    @PostMapping("/api/v1/patients/register")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@RequestBody PatientRegistration body, HttpServletRequest request, Locale locale) {
        return identity.register(body, Clients.of(request), publicUrl.base(), locale);
    }
}
