package org.medkarta.access.web;

import java.util.Locale;
import org.medkarta.access.GrantInvitations;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An invitation to a grant (SPEC F2): the person it is addressed to asks for a one-time code and
 * accepts it with the code and the terms.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class GrantInvitationPages {

    private final GrantInvitations invitations;
    private final RecordChoices choices;
    private final PageErrors errors;

    GrantInvitationPages(GrantInvitations invitations, RecordChoices choices, PageErrors errors) {
        this.invitations = invitations;
        this.choices = choices;
        this.errors = errors;
    }

    @GetMapping("/access/invitations/{id}")
    String invitation(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        model.addAttribute("grant", invitations.invitation(user, TypedId.parse(id, "id")));
        model.addAttribute(
                "owner",
                choices.nameOf(
                        invitations.invitation(user, TypedId.parse(id, "id")).patientId()));
        return "access/invitation";
    }

    @PostMapping("/access/invitations/{id}/code")
    String invitationCode(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        try {
            invitations.sendAcceptanceCode(user, TypedId.parse(id, "id"), locale);
            return "redirect:/access/invitations/" + id + "?codeSent";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("errors", errors.of(refused, locale));
            return invitation(user, id, model);
        }
    }

    @PostMapping("/access/invitations/{id}/accept")
    String accept(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "false") boolean acceptTerms,
            Model model,
            Locale locale) {
        try {
            invitations.accept(user, TypedId.parse(id, "id"), code, acceptTerms, locale);
            return "redirect:/access/records?accepted";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("codeSent", true);
            return invitation(user, id, model);
        }
    }
}
