package org.medkarta.scheduling.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AfterBooking;
import org.medkarta.scheduling.AppointmentChanges;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.CalendarFiles;
import org.medkarta.scheduling.OfferedSlot;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.TypedId;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The patient's booking pages (SPEC C3–C7): find a doctor, pick a slot, confirm with the clinic's
 * documents, and my appointments with cancel, reschedule and "add to calendar".
 */
@Controller
@PreAuthorize("hasRole('PATIENT')")
class BookingPages {

    private final SlotSearch slotSearch;
    private final Booking booking;
    private final AppointmentChanges appointmentChanges;
    private final AppointmentReading appointmentReading;
    private final CalendarFiles calendarFiles;
    private final MessageSource messages;
    private final PublicUrl publicUrl;
    private final ObjectProvider<AfterBooking> afterBooking;

    BookingPages(
            SlotSearch slotSearch,
            Booking booking,
            AppointmentChanges appointmentChanges,
            AppointmentReading appointmentReading,
            CalendarFiles calendarFiles,
            MessageSource messages,
            PublicUrl publicUrl,
            ObjectProvider<AfterBooking> afterBooking) {
        this.afterBooking = afterBooking;
        this.publicUrl = publicUrl;
        this.slotSearch = slotSearch;
        this.booking = booking;
        this.appointmentChanges = appointmentChanges;
        this.appointmentReading = appointmentReading;
        this.calendarFiles = calendarFiles;
        this.messages = messages;
    }

    @GetMapping("/booking")
    String search(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String specialty,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String from,
            Model model) {
        model.addAttribute("specialties", slotSearch.specialties());
        model.addAttribute("specialty", specialty);
        model.addAttribute("q", q);
        model.addAttribute("doctors", slotSearch.doctors(specialty, q));
        if (specialty != null && !specialty.isBlank()) {
            var keep = new LinkedHashMap<String, String>();
            keep.put("specialty", specialty);
            if (q != null && !q.isBlank()) {
                keep.put("q", q);
            }
            calendar(model, user, null, specialty, null, date, from, "/booking", keep);
        }
        return "scheduling/booking-search";
    }

    /**
     * A doctor's free times: a two-week calendar with the days that have free slots marked, paged
     * by two weeks, and the times of the day chosen (the first marked day by default), by service.
     */
    @GetMapping("/booking/doctors/{id}")
    String doctor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String serviceId,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String from,
            Model model) {
        var doctor = slotSearch.doctor(DoctorId.of(id)).orElseThrow(NotFound::new);
        UUID service = Params.uuid(serviceId, "serviceId");
        var keep = new LinkedHashMap<String, String>();
        if (service != null) {
            keep.put("serviceId", service.toString());
        }
        model.addAttribute("doctor", doctor);
        calendar(
                model,
                user,
                doctor.id(),
                null,
                service,
                date,
                from,
                "/booking/doctors/" + doctor.id().value(),
                keep);
        return "scheduling/booking-doctor";
    }

    /** A day of the calendar: its free slots and the link choosing it. */
    record CalendarDay(LocalDate date, int freeSlots, boolean selected, String url) {}

    /** The calendar strip: its days and the links to the two weeks before and after (null at the start). */
    record Calendar(List<CalendarDay> days, String previousUrl, String nextUrl, LocalDate selected) {}

    /** A doctor's free times on the day chosen, by service. */
    record DoctorSlots(UUID doctorId, String doctorName, List<ServiceSlots> services) {}

    record ServiceSlots(UUID serviceId, String service, long priceKopecks, List<Choice> slots) {}

    private void calendar(
            Model model,
            SignedInUser user,
            DoctorId doctor,
            String specialty,
            UUID service,
            String dateText,
            String fromText,
            String path,
            java.util.Map<String, String> keep) {
        var zone = slotSearch.calendarZone(doctor);
        LocalDate today = slotSearch.today(zone);
        LocalDate date = Params.date(dateText, "date");
        LocalDate from = Params.date(fromText, "from");
        if (from == null) {
            from = date != null && date.isAfter(today.plusDays(SlotSearch.CALENDAR_DAYS - 1)) ? date : today;
        }
        if (from.isBefore(today)) {
            from = today;
        }
        LocalDate to = from.plusDays(SlotSearch.CALENDAR_DAYS - 1);
        var free = slotSearch.freeDays(user, doctor, specialty, service, from, to);
        LocalDate selected = date != null && !date.isBefore(from) && !date.isAfter(to)
                ? date
                : free.stream()
                        .filter(day -> day.freeSlots() > 0)
                        .map(org.medkarta.scheduling.FreeDay::date)
                        .findFirst()
                        .orElse(null);
        var days = new java.util.ArrayList<CalendarDay>();
        for (var day : free) {
            days.add(new CalendarDay(
                    day.date(), day.freeSlots(), day.date().equals(selected), link(path, keep, from, day.date())));
        }
        LocalDate previous = from.minusDays(SlotSearch.CALENDAR_DAYS);
        model.addAttribute(
                "calendar",
                new Calendar(
                        days,
                        from.isAfter(today)
                                ? link(path, keep, previous.isBefore(today) ? today : previous, null)
                                : null,
                        link(path, keep, to.plusDays(1), null),
                        selected));
        var groups = new java.util.ArrayList<DoctorSlots>();
        if (selected != null) {
            var slots = slotSearch
                    .search(
                            user,
                            new SlotQuery(
                                    doctor,
                                    specialty,
                                    null,
                                    null,
                                    selected.atStartOfDay(zone).toInstant(),
                                    selected.plusDays(1).atStartOfDay(zone).toInstant(),
                                    500))
                    .stream()
                    .filter(slot -> service == null || service.equals(slot.serviceId()))
                    .toList();
            var byDoctor = new LinkedHashMap<UUID, LinkedHashMap<UUID, ServiceSlots>>();
            var names = new java.util.HashMap<UUID, String>();
            var zones = new java.util.HashMap<org.medkarta.shared.ClinicId, java.time.ZoneId>();
            for (var slot : slots) {
                names.put(slot.doctorId().value(), slot.doctorName());
                var local = slot.start().atZone(zones.computeIfAbsent(slot.clinicId(), slotSearch::zoneOf));
                byDoctor.computeIfAbsent(slot.doctorId().value(), key -> new LinkedHashMap<>())
                        .computeIfAbsent(
                                slot.serviceId(),
                                key -> new ServiceSlots(
                                        key, slot.serviceName(), slot.priceKopecks(), new java.util.ArrayList<>()))
                        .slots()
                        .add(new Choice(
                                slot.slotId(),
                                slot.serviceId(),
                                String.format("%02d:%02d", local.getHour(), local.getMinute()),
                                slot.serviceName(),
                                slot.format() == null ? "" : slot.format().name()));
            }
            byDoctor.forEach(
                    (id, services) -> groups.add(new DoctorSlots(id, names.get(id), List.copyOf(services.values()))));
        }
        model.addAttribute("groups", groups);
    }

    private static String link(String path, java.util.Map<String, String> keep, LocalDate from, LocalDate date) {
        var uri = UriComponentsBuilder.fromPath(path);
        keep.forEach(uri::queryParam);
        uri.queryParam("from", from);
        if (date != null) {
            uri.queryParam("date", date);
        }
        return uri.encode().build().toUriString();
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
        model.addAttribute("days", byDay(slots, slotSearch.zoneOf(appointment.clinicId())));
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
