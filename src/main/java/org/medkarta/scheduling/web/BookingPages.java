package org.medkarta.scheduling.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.OfferedSlot;
import org.medkarta.scheduling.Scheduling;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.TypedId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient's booking pages (SPEC C3–C7): find a doctor, pick a slot, confirm with the clinic's
 * documents, and my appointments with cancel, reschedule and "add to calendar".
 */
@Controller
@PreAuthorize("hasRole('PATIENT')")
class BookingPages {

    private final Scheduling scheduling;
    private final MessageSource messages;
    private final PublicUrl publicUrl;

    BookingPages(Scheduling scheduling, MessageSource messages, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.scheduling = scheduling;
        this.messages = messages;
    }

    @GetMapping("/booking")
    String search(
            @RequestParam(required = false) String specialty, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("specialties", scheduling.specialties());
        model.addAttribute("specialty", specialty);
        model.addAttribute("q", q);
        model.addAttribute("doctors", scheduling.doctors(specialty, q));
        return "scheduling/booking-search";
    }

    @GetMapping("/booking/doctors/{id}")
    String doctor(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var doctor = scheduling.doctor(DoctorId.of(id)).orElseThrow(NotFound::new);
        var slots = scheduling.search(user, new SlotQuery(doctor.id(), null, null, null, null, null, 300));
        model.addAttribute("doctor", doctor);
        model.addAttribute("days", byDay(slots, scheduling.zoneOf(doctor.clinicId())));
        return "scheduling/booking-doctor";
    }

    @GetMapping("/booking/slots/{id}")
    String confirm(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String serviceId,
            Model model) {
        model.addAttribute(
                "offer", scheduling.offer(user, TypedId.parse(id, "id"), Params.uuid(serviceId, "serviceId")));
        model.addAttribute("represented", scheduling.representedBy(user));
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
            scheduling.book(
                    user, new BookingRequest(slot, patient, service, null, complaint, accept), request.getRemoteAddr());
            return "redirect:/appointments?booked";
        } catch (DomainException refused) {
            model.addAttribute("offer", scheduling.offer(user, slot, service));
            model.addAttribute("represented", scheduling.representedBy(user));
            model.addAttribute("error", message(refused, locale));
            model.addAttribute("complaint", complaint);
            return "scheduling/booking-confirm";
        }
    }

    @GetMapping("/appointments")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        var appointments = new java.util.ArrayList<>(scheduling.appointments(user, null, null));
        // Appointments of the people the user books for (children, FULL grants), latest first with their own.
        scheduling
                .representedBy(user)
                .forEach(other -> appointments.addAll(scheduling.appointments(user, other.patientId(), null)));
        appointments.sort(java.util.Comparator.comparing(AppointmentView::start).reversed());
        model.addAttribute("appointments", scheduling.cards(user, appointments));
        model.addAttribute("feed", publicUrl.of(scheduling.feedPath(user.patientId())));
        return "scheduling/appointments";
    }

    @PostMapping("/appointments/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        try {
            scheduling.cancel(user, TypedId.parse(id, "id"));
            return "redirect:/appointments?cancelled";
        } catch (DomainException refused) {
            model.addAttribute("error", message(refused, locale));
            return mine(user, model);
        }
    }

    @GetMapping("/appointments/{id}/reschedule")
    String reschedule(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var appointment = scheduling.appointment(user, TypedId.parse(id, "id"));
        var slots =
                scheduling
                        .search(user, new SlotQuery(appointment.doctorId(), null, null, null, null, null, 300))
                        .stream()
                        .filter(slot -> slot.serviceId().equals(appointment.serviceId()))
                        .toList();
        model.addAttribute("card", scheduling.cards(user, List.of(appointment)).get(0));
        model.addAttribute("days", byDay(slots, scheduling.zoneOf(appointment.clinicId())));
        return "scheduling/reschedule";
    }

    @PostMapping("/appointments/{id}/reschedule")
    String moved(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam String slotId,
            Model model,
            Locale locale) {
        try {
            scheduling.reschedule(user, TypedId.parse(id, "id"), Params.uuid(slotId, "slotId"));
            return "redirect:/appointments?moved";
        } catch (DomainException refused) {
            model.addAttribute("error", message(refused, locale));
            return reschedule(user, id, model);
        }
    }

    /** "Add to calendar": the appointment as an .ics file. */
    @GetMapping("/appointments/{id}/calendar.ics")
    ResponseEntity<String> ics(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appointment.ics\"")
                .body(scheduling.ics(user, TypedId.parse(id, "id")));
    }

    @PostMapping("/appointments/calendar-feed/renew")
    String renewFeed(@AuthenticationPrincipal SignedInUser user) {
        scheduling.renewFeed(user.patientId());
        return "redirect:/appointments?feedRenewed";
    }

    /** A free time as a button shows it: its local time in the clinic's zone and the service. */
    record Choice(UUID slotId, UUID serviceId, String time, String service, String format) {}

    static LinkedHashMap<LocalDate, List<Choice>> byDay(List<OfferedSlot> slots, java.time.ZoneId zone) {
        var days = new LinkedHashMap<LocalDate, List<Choice>>();
        for (var slot : slots) {
            var local = slot.start().atZone(zone);
            days.computeIfAbsent(local.toLocalDate(), day -> new java.util.ArrayList<>())
                    .add(new Choice(
                            slot.slotId(),
                            slot.serviceId(),
                            String.format("%02d:%02d", local.getHour(), local.getMinute()),
                            slot.serviceName(),
                            slot.format() == null ? "" : slot.format().name()));
        }
        return days;
    }

    String message(DomainException refused, Locale locale) {
        return messages.getMessage(refused.messageCode(), refused.messageArguments(), refused.problem(), locale);
    }
}
