package org.medkarta.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.DoctorSchedules;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.scheduling.SlotView;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The schedule page's model (SPEC C1, C2, C6): the calendar ("График") of a doctor by day or week
 * with its booked appointments, the templates when the person manages them, the booking horizon and
 * the patients found to book for. Every schedule page controller shows it again with its refusal.
 */
@Component
class ScheduleModel {

    private final ScheduleTemplates scheduleTemplates;
    private final DoctorSchedules doctorSchedules;
    private final SlotSearch slotSearch;
    private final Booking booking;
    private final AppointmentReading appointmentReading;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ScheduleModel(
            ScheduleTemplates scheduleTemplates,
            DoctorSchedules doctorSchedules,
            SlotSearch slotSearch,
            Booking booking,
            AppointmentReading appointmentReading,
            MessageSource messages,
            java.time.Clock clock) {
        this.scheduleTemplates = scheduleTemplates;
        this.doctorSchedules = doctorSchedules;
        this.slotSearch = slotSearch;
        this.booking = booking;
        this.appointmentReading = appointmentReading;
        this.messages = messages;
        this.clock = clock;
    }

    /** Fills the calendar page of the doctor's schedule; answers its view. */
    String fill(SignedInUser user, String id, String date, String view, String phone, Model model) {
        var doctor = DoctorId.of(id);
        var profile = slotSearch.doctor(doctor).orElseThrow(NotFound::new);
        ZoneId zone = slotSearch.zoneOf(profile.clinicId());
        LocalDate day =
                date == null || date.isBlank() ? LocalDate.ofInstant(clock.instant(), zone) : LocalDate.parse(date);
        boolean week = !"day".equals(view);
        LocalDate first = week ? day.with(DayOfWeek.MONDAY) : day;
        LocalDate last = week ? first.plusDays(6) : day;
        var slots = doctorSchedules.calendar(
                user,
                doctor,
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
        var appointments = new java.util.HashMap<UUID, org.medkarta.scheduling.AppointmentCard>();
        var booked = doctorSchedules.doctorAppointments(
                user,
                doctor,
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
        appointmentReading
                .cards(null, booked)
                .forEach(card -> appointments.put(card.appointment().id(), card));
        var days = new LinkedHashMap<LocalDate, List<SlotView>>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.put(d, new java.util.ArrayList<>());
        }
        for (var slot : slots) {
            days.get(LocalDate.ofInstant(slot.start(), zone)).add(slot);
        }
        model.addAttribute("doctor", profile);
        model.addAttribute("zone", zone);
        model.addAttribute("day", day);
        model.addAttribute("week", week);
        model.addAttribute("previous", week ? day.minusWeeks(1) : day.minusDays(1));
        model.addAttribute("next", week ? day.plusWeeks(1) : day.plusDays(1));
        model.addAttribute("days", days);
        model.addAttribute("appointments", appointments);
        boolean manages = doctorSchedules.manages(user, doctor);
        model.addAttribute("manages", manages);
        model.addAttribute("templates", manages ? scheduleTemplates.templates(user, doctor) : List.of());
        model.addAttribute("services", scheduleTemplates.servicesOf(doctor));
        model.addAttribute("phone", phone);
        model.addAttribute("horizonDays", doctorSchedules.horizonDays(profile.clinicId()));
        model.addAttribute("administers", doctorSchedules.administers(user, profile.clinicId()));
        if (!model.containsAttribute("patient")) {
            model.addAttribute(
                    "patient",
                    new java.util.HashMap<String, String>(java.util.Map.of("phone", phone == null ? "" : phone)));
        }
        if (phone != null && !phone.isBlank()) {
            model.addAttribute("patients", booking.findPatients(user, phone));
            model.addAttribute(
                    "free", slotSearch.search(user, new SlotQuery(doctor, null, null, null, null, null, 60)));
        }
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", new java.util.HashMap<String, String>());
        }
        return "scheduling/schedule";
    }

    /** A refusal as the schedule pages say it: the field and what is wrong with it, or the reason. */
    String message(DomainException refused, Locale locale) {
        if (refused instanceof InvalidInput invalid) {
            var error = invalid.errors().get(0);
            return messages.getMessage("scheduling.field." + error.field(), null, error.field(), locale) + ": "
                    + messages.getMessage(
                            error.messageCode(), error.arguments().toArray(), error.messageCode(), locale);
        }
        return messages.getMessage(refused.messageCode(), refused.messageArguments(), refused.problem(), locale);
    }
}
