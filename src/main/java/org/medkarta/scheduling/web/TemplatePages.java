package org.medkarta.scheduling.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.scheduling.TemplateForm;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
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

/**
 * The templates editor (SPEC C1, seed 004): a new template, activating, deactivating and deleting
 * one, and editing one; a change that would cancel booked appointments says how many and asks to
 * confirm.
 */
@Controller
@PreAuthorize("hasAnyRole('DOCTOR', 'CLINIC_ADMIN', 'PLATFORM_ADMIN', 'REGISTRAR')")
class TemplatePages {

    private final ScheduleTemplates scheduleTemplates;
    private final SlotSearch slotSearch;
    private final ScheduleModel scheduleModel;

    TemplatePages(ScheduleTemplates scheduleTemplates, SlotSearch slotSearch, ScheduleModel scheduleModel) {
        this.scheduleTemplates = scheduleTemplates;
        this.slotSearch = slotSearch;
        this.scheduleModel = scheduleModel;
    }

    @PostMapping("/schedule/doctors/{id}/templates")
    String create(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        try {
            var created = scheduleTemplates.createTemplate(user, DoctorId.of(id), templateForm(form));
            if ("true".equals(form.getFirst("activate"))) {
                scheduleTemplates.activate(user, created.id());
            }
            return "redirect:/schedule/doctors/" + id + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("error", scheduleModel.message(refused, locale));
            model.addAttribute("values", form.toSingleValueMap());
            return scheduleModel.fill(user, id, null, "week", null, model);
        }
    }

    @PostMapping("/schedule/templates/{id}/{action}")
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam String doctorId,
            Model model,
            Locale locale) {
        UUID template = TypedId.parse(id, "id");
        try {
            switch (action) {
                case "activate" -> scheduleTemplates.activate(user, template);
                case "deactivate" -> scheduleTemplates.deactivate(user, template, confirm);
                case "delete" -> scheduleTemplates.deleteTemplate(user, template, confirm);
                default -> throw new NotFound();
            }
            return "redirect:/schedule/doctors/" + doctorId + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("error", scheduleModel.message(refused, locale));
            model.addAttribute("confirmable", "appointments-affected".equals(refused.problem()) ? action : null);
            model.addAttribute("confirmTemplate", template);
            return scheduleModel.fill(user, doctorId, null, "week", null, model);
        }
    }

    /** The template editor for one template, filled with its current values. */
    @GetMapping("/schedule/templates/{id}/edit")
    String editTemplate(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var template = scheduleTemplates.template(user, TypedId.parse(id, "id"));
        if (!model.containsAttribute("values")) {
            var values = new java.util.HashMap<String, String>();
            values.put("name", template.name());
            values.put("validFrom", template.validFrom().toString());
            values.put("validTo", template.validTo().toString());
            values.put("firstStart", template.firstStart().toString());
            values.put("lastStart", template.lastStart().toString());
            values.put("slotMinutes", String.valueOf(template.slotMinutes()));
            values.put("breaks", String.join(", ", template.breaks()));
            model.addAttribute("values", values);
            model.addAttribute(
                    "weekdays",
                    template.weekdays().stream()
                            .map(day -> String.valueOf(day.getValue()))
                            .toList());
            model.addAttribute(
                    "chosenServices",
                    template.serviceIds().stream().map(UUID::toString).toList());
        }
        model.addAttribute("template", template);
        model.addAttribute("doctor", slotSearch.doctor(template.doctorId()).orElseThrow(NotFound::new));
        model.addAttribute("services", scheduleTemplates.servicesOf(template.doctorId()));
        return "scheduling/template-edit";
    }

    /**
     * Saves an edited template. When booked appointments would be lost the page says how many and
     * offers to confirm: then they are cancelled and each patient is told (SPEC C1).
     */
    @PostMapping("/schedule/templates/{id}")
    String updateTemplate(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        UUID template = TypedId.parse(id, "id");
        boolean confirm = "true".equals(form.getFirst("confirm"));
        try {
            var saved = scheduleTemplates.updateTemplate(user, template, templateForm(form), confirm);
            return "redirect:/schedule/doctors/" + saved.doctorId().value() + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("error", scheduleModel.message(refused, locale));
            model.addAttribute("confirmable", "appointments-affected".equals(refused.problem()));
            model.addAttribute("values", form.toSingleValueMap());
            model.addAttribute("weekdays", form.getOrDefault("weekdays", List.of()));
            model.addAttribute("chosenServices", form.getOrDefault("serviceIds", List.of()));
            return editTemplate(user, id, model);
        }
    }

    private static TemplateForm templateForm(MultiValueMap<String, String> form) {
        String minutes = form.getFirst("slotMinutes");
        String breaks = form.getFirst("breaks");
        return new TemplateForm(
                form.getFirst("name"),
                form.getFirst("validFrom"),
                form.getFirst("validTo"),
                form.get("weekdays"),
                form.getFirst("firstStart"),
                form.getFirst("lastStart"),
                minutes == null || !minutes.strip().matches("\\d{1,4}") ? null : Integer.valueOf(minutes.strip()),
                breaks == null ? List.of() : List.of(breaks.split("[,;]")),
                form.get("serviceIds"));
    }
}
