package org.medkarta.scheduling.web;

import java.util.Locale;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff booking for a patient from the schedule page (SPEC C6): a found patient into a free slot,
 * and a record for a patient who has none, then found to book.
 */
@Controller
@PreAuthorize("hasAnyRole('DOCTOR', 'CLINIC_ADMIN', 'PLATFORM_ADMIN', 'REGISTRAR')")
class StaffBookingPages {

    private final Booking booking;
    private final ScheduleModel scheduleModel;
    private final PageErrors pageErrors;

    StaffBookingPages(Booking booking, ScheduleModel scheduleModel, PageErrors pageErrors) {
        this.booking = booking;
        this.scheduleModel = scheduleModel;
        this.pageErrors = pageErrors;
    }

    /** Staff book a found patient into a free slot (SPEC C6). */
    @PostMapping("/schedule/doctors/{id}/book")
    String bookFor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam String patientId,
            @RequestParam String slot,
            @RequestParam(required = false) String phone,
            @RequestParam(defaultValue = "false") boolean acceptClinicDocuments,
            Model model,
            Locale locale) {
        try {
            String[] parts = slot.split(":");
            if (parts.length != 2) {
                throw new InvalidInput("slot", "validation.required");
            }
            booking.book(
                    user,
                    new BookingRequest(
                            TypedId.parse(parts[0], "slot"),
                            PatientId.of(patientId),
                            TypedId.parse(parts[1], "slot"),
                            null,
                            null,
                            acceptClinicDocuments),
                    "staff:" + user.userId().value());
            return "redirect:/schedule/doctors/" + id + "?booked";
        } catch (DomainException refused) {
            model.addAttribute("error", scheduleModel.message(refused, locale));
            return scheduleModel.fill(user, id, null, "week", phone, model);
        }
    }

    /** Staff create a record for a patient who has none, then find it to book (SPEC C6). */
    @PostMapping("/schedule/doctors/{id}/patients")
    String createPatient(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        try {
            var created = booking.createPatient(user, PatientRecordPages.patientForm(form));
            return "redirect:/schedule/doctors/" + id + "?created&phone="
                    + java.net.URLEncoder.encode(created.phone(), java.nio.charset.StandardCharsets.UTF_8)
                    + "#book-for";
        } catch (DomainException refused) {
            model.addAttribute("errors", pageErrors.of(refused, locale));
            model.addAttribute("patient", form.toSingleValueMap());
            return scheduleModel.fill(user, id, null, "week", form.getFirst("query"), model);
        }
    }
}
