package org.medkarta.scheduling.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicStaff;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.WalkInQueueForm;
import org.medkarta.scheduling.WalkInQueues;
import org.medkarta.scheduling.WalkInSettings;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinic administrator's walk-in queues (SPEC C9): the queues of a day, a new one for a
 * specialty or room with the doctors on duty, and the clinic's priorities.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class WalkInAdminPages {

    private final WalkInQueues walkInQueues;
    private final ClinicCatalogue clinics;
    private final ClinicAdministrators clinicAdministrators;
    private final ClinicStaff clinicStaff;
    private final PageErrors pageErrors;

    WalkInAdminPages(
            WalkInQueues walkInQueues,
            ClinicCatalogue clinics,
            ClinicAdministrators clinicAdministrators,
            ClinicStaff clinicStaff,
            PageErrors pageErrors) {
        this.walkInQueues = walkInQueues;
        this.clinics = clinics;
        this.clinicAdministrators = clinicAdministrators;
        this.clinicStaff = clinicStaff;
        this.pageErrors = pageErrors;
    }

    @GetMapping("/walk-in/admin")
    String queues(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String clinic,
            @RequestParam(required = false) String day,
            Model model) {
        return page(user, clinic, day, Map.of(), Map.of(), model);
    }

    @PostMapping("/walk-in/admin/queues")
    String open(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var values = form.toSingleValueMap();
        ClinicId clinic = clinic(user, values.get("clinic"));
        try {
            var opened = walkInQueues.open(
                    user,
                    clinic,
                    new WalkInQueueForm(
                            values.get("name"),
                            values.get("specialty"),
                            values.get("room"),
                            values.get("day"),
                            values.get("opensAt"),
                            values.get("closesAt"),
                            form.getOrDefault("doctorIds", List.of())));
            return "redirect:/walk-in/admin?opened&clinic=" + clinic.value() + "&day=" + opened.day();
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            return page(
                    user, clinic.value().toString(), values.get("day"), values, pageErrors.of(refused, locale), model);
        }
    }

    @PostMapping("/walk-in/admin/settings")
    String settings(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam String clinic,
            @RequestParam(required = false) String prebookedFirst,
            @RequestParam(required = false) String privilegedFirst) {
        ClinicId id = clinic(user, clinic);
        walkInQueues.choose(user, id, new WalkInSettings("on".equals(prebookedFirst), "on".equals(privilegedFirst)));
        return "redirect:/walk-in/admin?saved&clinic=" + id.value();
    }

    private String page(
            SignedInUser user,
            String clinicText,
            String dayText,
            Map<String, String> form,
            Map<String, String> errors,
            Model model) {
        var administered = clinicAdministrators.administered(user);
        if (administered.isEmpty()) {
            throw new NotFound();
        }
        ClinicId clinic =
                clinicText == null || clinicText.isBlank() ? administered.get(0).id() : clinic(user, clinicText);
        LocalDate day;
        try {
            day = Params.date(dayText, "day");
        } catch (DomainException wrong) {
            day = null;
        }
        var list = walkInQueues.queues(clinic, day);
        model.addAttribute("clinics", administered);
        model.addAttribute("clinic", clinic);
        model.addAttribute("day", day == null ? LocalDate.now(clinics.timezone(clinic)) : day);
        model.addAttribute("queues", list);
        model.addAttribute("doctors", clinicStaff.doctorsOf(user, clinic));
        model.addAttribute("specialties", clinics.specialties());
        model.addAttribute("settings", walkInQueues.settings(user, clinic));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "scheduling/walk-in-admin";
    }

    private ClinicId clinic(SignedInUser user, String text) {
        ClinicId clinic;
        try {
            clinic = new ClinicId(TypedId.parse(text, "clinic"));
        } catch (DomainException wrong) {
            throw new NotFound();
        }
        if (!walkInQueues.opensQueues(user, clinic)) {
            throw new NotFound();
        }
        return clinic;
    }
}
