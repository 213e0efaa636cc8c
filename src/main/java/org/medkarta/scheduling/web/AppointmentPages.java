package org.medkarta.scheduling.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentChanges;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.CalendarFiles;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DomainException;
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
 * The patient's appointments (SPEC C5, C7): their own and those of the people they book for, latest
 * first, with cancel, reschedule to another free time of the same doctor and service, "add to
 * calendar" and the private calendar feed.
 */
@Controller
@PreAuthorize("hasRole('PATIENT')")
class AppointmentPages {

    private final SlotSearch slotSearch;
    private final Booking booking;
    private final AppointmentChanges appointmentChanges;
    private final AppointmentReading appointmentReading;
    private final CalendarFiles calendarFiles;
    private final MessageSource messages;
    private final PublicUrl publicUrl;

    AppointmentPages(
            SlotSearch slotSearch,
            Booking booking,
            AppointmentChanges appointmentChanges,
            AppointmentReading appointmentReading,
            CalendarFiles calendarFiles,
            MessageSource messages,
            PublicUrl publicUrl) {
        this.slotSearch = slotSearch;
        this.booking = booking;
        this.appointmentChanges = appointmentChanges;
        this.appointmentReading = appointmentReading;
        this.calendarFiles = calendarFiles;
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/appointments")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        var appointments = new java.util.ArrayList<>(appointmentReading.appointments(user, null, null));
        // Appointments of the people the user books for (children, FULL grants), latest first with their own.
        booking.representedBy(user)
                .forEach(other -> appointments.addAll(appointmentReading.appointments(user, other.patientId(), null)));
        appointments.sort(java.util.Comparator.comparing(AppointmentView::start).reversed());
        model.addAttribute("appointments", appointmentReading.cards(user, appointments));
        model.addAttribute("feed", publicUrl.of(calendarFiles.feedPath(user.patientId())));
        return "scheduling/appointments";
    }

    @PostMapping("/appointments/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        try {
            appointmentChanges.cancel(user, TypedId.parse(id, "id"));
            return "redirect:/appointments?cancelled";
        } catch (DomainException refused) {
            model.addAttribute("error", message(refused, locale));
            return mine(user, model);
        }
    }

    @GetMapping("/appointments/{id}/reschedule")
    String reschedule(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var appointment = appointmentReading.appointment(user, TypedId.parse(id, "id"));
        var slots =
                slotSearch
                        .search(user, new SlotQuery(appointment.doctorId(), null, null, null, null, null, 300))
                        .stream()
                        .filter(slot -> slot.serviceId().equals(appointment.serviceId()))
                        .toList();
        model.addAttribute(
                "card", appointmentReading.cards(user, List.of(appointment)).get(0));
        model.addAttribute("days", BookingPages.byDay(slots, slotSearch.zoneOf(appointment.clinicId())));
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
            appointmentChanges.reschedule(user, TypedId.parse(id, "id"), Params.uuid(slotId, "slotId"));
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
                .body(calendarFiles.ics(user, TypedId.parse(id, "id")));
    }

    @PostMapping("/appointments/calendar-feed/renew")
    String renewFeed(@AuthenticationPrincipal SignedInUser user) {
        calendarFiles.renewFeed(user.patientId());
        return "redirect:/appointments?feedRenewed";
    }

    private String message(DomainException refused, Locale locale) {
        return messages.getMessage(refused.messageCode(), refused.messageArguments(), refused.problem(), locale);
    }
}
