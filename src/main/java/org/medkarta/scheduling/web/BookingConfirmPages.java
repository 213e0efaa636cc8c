package org.medkarta.scheduling.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AfterBooking;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Confirming a booking (SPEC C4): the chosen slot with the clinic's documents to accept on a first
 * booking there and whom it is for (the patient or a person they book for), then the booking, and a
 * paid service's payment straight after it (issue 20).
 */
@Controller
@PreAuthorize("hasRole('PATIENT')")
class BookingConfirmPages {

    private final Booking booking;
    private final MessageSource messages;
    private final ObjectProvider<AfterBooking> afterBooking;

    BookingConfirmPages(Booking booking, MessageSource messages, ObjectProvider<AfterBooking> afterBooking) {
        this.booking = booking;
        this.messages = messages;
        this.afterBooking = afterBooking;
    }

    @GetMapping("/booking/slots/{id}")
    String confirm(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String serviceId,
            Model model) {
        model.addAttribute("offer", booking.offer(user, TypedId.parse(id, "id"), Params.uuid(serviceId, "serviceId")));
        model.addAttribute("represented", booking.representedBy(user));
        return "scheduling/booking-confirm";
    }

    @PostMapping("/booking/slots/{id}")
    String book(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String serviceId,
            @RequestParam(required = false) String complaint,
            @RequestParam(defaultValue = "false") boolean accept,
            @RequestParam(required = false) String patientId,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        UUID slot = TypedId.parse(id, "id");
        UUID service = Params.uuid(serviceId, "serviceId");
        try {
            var patient = patientId == null || patientId.isBlank() ? null : PatientId.of(patientId);
            var booked = booking.book(
                    user, new BookingRequest(slot, patient, service, null, complaint, accept), request.getRemoteAddr());
            // A paid service is paid for now (issue 20): straight to the provider's page when it answered.
            return afterBooking
                    .orderedStream()
                    .map(step -> step.next(user, booked))
                    .flatMap(java.util.Optional::stream)
                    .findFirst()
                    .map(step -> "redirect:" + (step.url() != null ? step.url() : step.page()))
                    .orElse("redirect:/appointments?booked");
        } catch (DomainException refused) {
            model.addAttribute("offer", booking.offer(user, slot, service));
            model.addAttribute("represented", booking.representedBy(user));
            model.addAttribute("error", message(refused, locale));
            model.addAttribute("complaint", complaint);
            return "scheduling/booking-confirm";
        }
    }

    private String message(DomainException refused, Locale locale) {
        return messages.getMessage(refused.messageCode(), refused.messageArguments(), refused.problem(), locale);
    }
}
