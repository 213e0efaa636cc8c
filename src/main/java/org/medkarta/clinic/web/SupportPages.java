package org.medkarta.clinic.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.clinic.SupportForm;
import org.medkarta.clinic.SupportKind;
import org.medkarta.clinic.SupportQueue;
import org.medkarta.clinic.SupportState;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.TypedId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Нужна помощь" for anyone and the support queue for agents and clinic administrators (SPEC B7). */
@Controller
class SupportPages {

    private final SupportQueue directory;
    private final Forms forms;

    SupportPages(SupportQueue directory, Forms forms) {
        this.directory = directory;
        this.forms = forms;
    }

    @GetMapping("/help")
    String help(@RequestParam(required = false) String clinicId, Model model) {
        model.addAttribute("values", Map.of("kind", "HELP", "clinicId", clinicId == null ? "" : clinicId));
        model.addAttribute("kinds", SupportKind.values());
        return "clinic/help";
    }

    @PostMapping("/help")
    String submit(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        try {
            directory.submit(
                    user,
                    new SupportForm(
                            Forms.first(form, "kind"),
                            Forms.first(form, "name"),
                            Forms.first(form, "email"),
                            Forms.first(form, "phone"),
                            Forms.first(form, "topic"),
                            Forms.first(form, "text"),
                            Forms.first(form, "preferredTime"),
                            Forms.first(form, "clinicId")));
            return "redirect:/help?sent";
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("kinds", SupportKind.values());
            return "clinic/help";
        }
    }

    @GetMapping("/support/queue")
    @PreAuthorize("hasAnyRole('SUPPORT', 'PLATFORM_ADMIN', 'CLINIC_ADMIN')")
    String queue(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String state, Model model) {
        SupportState wanted = SupportApi.state(state);
        model.addAttribute("state", wanted);
        model.addAttribute("states", SupportState.values());
        model.addAttribute("requests", directory.supportQueue(user, wanted));
        return "clinic/support-queue";
    }

    @PostMapping("/support/queue/{id}/take")
    @PreAuthorize("hasAnyRole('SUPPORT', 'PLATFORM_ADMIN', 'CLINIC_ADMIN')")
    String take(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        directory.take(user, TypedId.parse(id, "id"));
        return "redirect:/support/queue";
    }

    @PostMapping("/support/queue/{id}/reply")
    @PreAuthorize("hasAnyRole('SUPPORT', 'PLATFORM_ADMIN', 'CLINIC_ADMIN')")
    String reply(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String reply,
            @RequestParam(required = false) String done,
            Locale locale) {
        if (reply == null || reply.isBlank()) {
            directory.close(user, TypedId.parse(id, "id"));
        } else {
            directory.reply(user, TypedId.parse(id, "id"), reply, done != null, locale);
        }
        return "redirect:/support/queue";
    }
}
