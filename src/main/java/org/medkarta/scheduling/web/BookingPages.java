package org.medkarta.scheduling.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.OfferedSlot;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The patient's booking pages where a time is found (SPEC C3): a doctor by specialty and name, and a
 * doctor's or a specialty's two-week calendar of free days with the free times of the day chosen, by
 * service. Confirming is {@link BookingConfirmPages}, the booked appointments {@link AppointmentPages}.
 */
@Controller
@PreAuthorize("hasRole('PATIENT')")
class BookingPages {

    private final SlotSearch slotSearch;

    BookingPages(SlotSearch slotSearch) {
        this.slotSearch = slotSearch;
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
}
