package org.medkarta.identity.web;

import org.medkarta.identity.SignedInUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person into every page's model, so the layout can show who is signed in. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    SignedInUser currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }
}
