package org.medkarta.access.web;

import jakarta.servlet.http.HttpSession;
import org.medkarta.access.GrantInvitations;
import org.medkarta.access.Guardianship;
import org.medkarta.access.RecordAccess;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The records one may open and the switch between them (SPEC F5): one's own, one's children's and
 * those granted to one, with the children one registered and the invitations waiting to be accepted.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class RecordSwitchPages {

    /** The session attribute holding the record the person switched to (SPEC F5). */
    static final String CURRENT_RECORD = "medkarta.currentRecord";

    private final GrantInvitations invitations;
    private final Guardianship guardianship;
    private final RecordAccess access;
    private final RecordChoices choices;

    RecordSwitchPages(
            GrantInvitations invitations, Guardianship guardianship, RecordAccess access, RecordChoices choices) {
        this.invitations = invitations;
        this.guardianship = guardianship;
        this.access = access;
        this.choices = choices;
    }

    @GetMapping("/access/records")
    String records(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("records", choices.of(user));
        model.addAttribute("children", guardianship.children(user));
        model.addAttribute("invitations", invitations.invitations(user));
        return "access/records";
    }

    /** Switches to another record the person may open; the record pages show the current one. */
    @PostMapping("/access/records/current")
    String switchTo(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam String patientId,
            @RequestParam(name = "continue", required = false) String next,
            HttpSession session) {
        PatientId chosen = PatientId.of(patientId);
        if (access.records(user).stream().noneMatch(ref -> ref.patientId().equals(chosen))) {
            throw new NotFound();
        }
        session.setAttribute(CURRENT_RECORD, chosen.value().toString());
        // The record module's page of that record, unless the switch was asked from somewhere else.
        return "redirect:"
                + (next != null && next.startsWith("/") && !next.startsWith("//") ? next : "/record/" + chosen.value());
    }
}
