package org.medkarta.consultation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.consultation.ColleagueQuestions;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * «Создание консультации в режиме "Врач-врач"» (seed 004, SPEC D11): the doctor finds the patient,
 * a consultant of another clinic and a slot in the consultant's schedule, writes the case, and the
 * request appears for both in "New".
 */
@Controller
class ColleaguePages {

    private final ColleagueQuestions colleagues;
    private final SlotSearch slotSearch;
    private final PageErrors errors;

    ColleaguePages(ColleagueQuestions colleagues, SlotSearch slotSearch, PageErrors errors) {
        this.colleagues = colleagues;
        this.slotSearch = slotSearch;
        this.errors = errors;
    }

    @GetMapping("/consultations/colleague")
    String form(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) String specialty,
            @RequestParam(required = false) String consultant,
            Model model,
            Locale locale) {
        model.addAttribute("phone", phone);
        model.addAttribute("patientId", patientId);
        model.addAttribute("specialty", specialty);
        model.addAttribute("consultant", consultant);
        model.addAttribute("specialties", slotSearch.specialties());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        try {
            model.addAttribute(
                    "patients", phone == null || phone.isBlank() ? List.of() : colleagues.findPatients(user, phone));
        } catch (DomainException refused) {
            model.addAttribute("patients", List.of());
            model.addAttribute("errors", errors.of(refused, locale, Map.of("invalid-input", "phone")));
        }
        var consultants = colleagues.consultants(user, specialty);
        model.addAttribute("paramedic", colleagues.asksAsParamedic(user));
        model.addAttribute("consultants", consultants);
        if (consultant != null && !consultant.isBlank()) {
            var doctor = new DoctorId(TypedId.parse(consultant, "consultant"));
            model.addAttribute("slots", colleagues.consultantSlots(user, doctor));
            model.addAttribute(
                    "zone",
                    consultants.stream()
                            .filter(c -> c.doctor().id().equals(doctor))
                            .findFirst()
                            .map(c -> slotSearch.zoneOf(c.doctor().clinicId()))
                            .orElse(java.time.ZoneId.of("Europe/Moscow")));
        }
        return "consultation/colleague";
    }

    @PostMapping("/consultations/colleague")
    String ask(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) String slot,
            @RequestParam(required = false) String caseText,
            @RequestParam(required = false) String consultant,
            @RequestParam(required = false) String phone,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        try {
            UUID slotId = null;
            UUID serviceId = null;
            if (slot != null && slot.contains(":")) {
                slotId = TypedId.parse(slot.substring(0, slot.indexOf(':')), "slotId");
                serviceId = TypedId.parse(slot.substring(slot.indexOf(':') + 1), "slotId");
            }
            colleagues.askColleague(
                    user,
                    patientId == null || patientId.isBlank()
                            ? null
                            : new PatientId(TypedId.parse(patientId, "patientId")),
                    slotId,
                    serviceId,
                    caseText,
                    request.getRemoteAddr());
            return "redirect:/consultations?asked";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("caseText", caseText);
            return form(user, phone, patientId, null, consultant, model, locale);
        }
    }
}
