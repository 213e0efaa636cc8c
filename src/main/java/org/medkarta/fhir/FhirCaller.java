package org.medkarta.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import java.util.Optional;
import org.medkarta.identity.SignedInUser;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person behind a FHIR request: the bearer token's user, put in the security context by the
 * {@code /fhir} filter chain ({@link FhirSecurity}). Directory resources are public; everything else
 * asks for {@link #required()}.
 */
final class FhirCaller {

    private FhirCaller() {}

    static Optional<SignedInUser> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    /** The signed-in caller; 401 with {@code WWW-Authenticate: Bearer} for an anonymous one. */
    static SignedInUser required() {
        return current().orElseThrow(() -> new AuthenticationException("Bearer token required"));
    }
}
