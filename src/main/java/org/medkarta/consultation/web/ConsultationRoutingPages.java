package org.medkarta.consultation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.consultation.ConsultationRequests;
import org.medkarta.consultation.ConsultationRouting;
import org.medkarta.consultation.ReferralForm;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.TypedId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Routing from the consultation page (SPEC D10): a referral for the patient, and a booking for them
 * with a doctor of the clinic, offered from that doctor's free slots.
 */
@Controller
class ConsultationRoutingPages {

    private final ConsultationRouting routing;
    private final ConsultationRequests requests;
    private final SlotSearch scheduling;
    private final ConsultationPage page;

    ConsultationRoutingPages(
            ConsultationRouting routing, ConsultationRequests requests, SlotSearch scheduling, ConsultationPage page) {
        this.routing = routing;
        this.requests = requests;
        this.scheduling = scheduling;
        this.page = page;
    }

    @PostMapping("/consultations/{id}/referrals")
    String refer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        UUID consultation = DeskPages.uuid(id);
        try {
            routing.refer(
                    user,
                    consultation,
                    new ReferralForm(
                            form.getFirst("specialty"),
                            form.getFirst("doctorId"),
                            form.getFirst("validUntil"),
                            form.getFirst("openEnded") != null,
                            form.getFirst("presumedDiagnosis"),
                            form.getFirst("reason")));
            return "redirect:/consultations/" + consultation + "?referred";
        } catch (DomainException refused) {
            return page.refused(user, consultation, refused, "referral", form.toSingleValueMap(), model, locale);
        }
    }

    /** The free slots of a doctor of the clinic, as options for the booking form (htmx). */
    @GetMapping("/consultations/{id}/slots")
    String slots(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String doctorId,
            Model model) {
        model.addAttribute(
                "slots",
                doctorId == null || doctorId.isBlank()
                        ? List.of()
                        : routing.routingSlots(
                                user, DeskPages.uuid(id), new DoctorId(TypedId.parse(doctorId, "doctorId"))));
        model.addAttribute(
                "zone",
                scheduling.zoneOf(
                        requests.consultation(user, DeskPages.uuid(id)).clinicId()));
        return "consultation/fragments :: slot-options";
    }

    @PostMapping("/consultations/{id}/bookings")
    String book(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        UUID consultation = DeskPages.uuid(id);
        try {
            String slot = form.getFirst("slot");
            UUID slotId = null;
            UUID serviceId = null;
            if (slot != null && slot.contains(":")) {
                slotId = TypedId.parse(slot.substring(0, slot.indexOf(':')), "slotId");
                serviceId = TypedId.parse(slot.substring(slot.indexOf(':') + 1), "slotId");
            }
            routing.book(user, consultation, slotId, serviceId, form.getFirst("note"), request.getRemoteAddr());
            return "redirect:/consultations/" + consultation + "?booked";
        } catch (DomainException refused) {
            return page.refused(user, consultation, refused, "booking", form.toSingleValueMap(), model, locale);
        }
    }
}
