package org.medkarta.scheduling.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.SchedulingRefusal;
import org.medkarta.scheduling.Slips;
import org.medkarta.shared.TypedId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The printable appointment slip (issue 23): a page with print styles and the same slip as a PDF.
 * Who may see it the {@link Slips} facade decides (the patient, a representative, the clinic's staff);
 * anyone else gets the not-found page.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class SlipPages {

    private final Slips slips;
    private final MessageSource messages;

    SlipPages(Slips slips, MessageSource messages) {
        this.slips = slips;
        this.messages = messages;
    }

    @GetMapping("/appointments/{id}/slip")
    String slip(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        UUID appointment = TypedId.parse(id, "id");
        try {
            model.addAttribute("slip", slips.slip(user, appointment));
        } catch (SchedulingRefusal refused) {
            // A cancelled appointment: the page says why there is no slip, in place of the slip.
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute(
                    "error",
                    messages.getMessage(refused.messageCode(), refused.messageArguments(), refused.problem(), locale));
        }
        return "scheduling/slip";
    }

    /** The slip as a PDF to download; a cancelled appointment goes back to the page that says why not. */
    @GetMapping("/appointments/{id}/slip.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        UUID appointment = TypedId.parse(id, "id");
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"slip-" + appointment + ".pdf\"")
                    .body(slips.pdf(user, appointment));
        } catch (SchedulingRefusal refused) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/appointments/{id}/slip")
                            .buildAndExpand(appointment)
                            .toUri())
                    .build();
        }
    }
}
