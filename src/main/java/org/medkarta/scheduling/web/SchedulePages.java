package org.medkarta.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.PatientRecordForm;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.PolicyForm;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.DoctorSchedules;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.scheduling.SlotView;
import org.medkarta.scheduling.TemplateForm;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Snils;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The doctor's and administrator's schedule pages (SPEC C1, C2, C6, seed 004): the templates
 * editor with activation, the calendar ("График") by day or week, and booking for a patient found
 * by phone or SNILS.
 */
@Controller
@PreAuthorize("hasAnyRole('DOCTOR', 'CLINIC_ADMIN', 'PLATFORM_ADMIN', 'REGISTRAR')")
class SchedulePages {

    private final ScheduleTemplates scheduleTemplates;
    private final DoctorSchedules doctorSchedules;
    private final SlotSearch slotSearch;
    private final Booking booking;
    private final AppointmentReading appointmentReading;
    private final PatientRecords records;
    private final MessageSource messages;
    private final PageErrors pageErrors;
    private final java.time.Clock clock;

    SchedulePages(
            ScheduleTemplates scheduleTemplates,
            DoctorSchedules doctorSchedules,
            SlotSearch slotSearch,
            Booking booking,
            AppointmentReading appointmentReading,
            PatientRecords records,
            MessageSource messages,
            PageErrors pageErrors,
            java.time.Clock clock) {
        this.scheduleTemplates = scheduleTemplates;
        this.doctorSchedules = doctorSchedules;
        this.slotSearch = slotSearch;
        this.booking = booking;
        this.appointmentReading = appointmentReading;
        this.records = records;
        this.messages = messages;
        this.pageErrors = pageErrors;
        this.clock = clock;
    }

    @GetMapping("/schedule")
    String doctors(@AuthenticationPrincipal SignedInUser user, Model model) {
        var doctors = doctorSchedules.bookingDoctors(user);
        if (doctors.size() == 1) {
            return "redirect:/schedule/doctors/" + doctors.get(0).id().value();
        }
        model.addAttribute("doctors", doctors);
        return "scheduling/schedule-doctors";
    }

    @GetMapping("/schedule/doctors/{id}")
    String schedule(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "week") String view,
            @RequestParam(required = false) String phone,
            Model model) {
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

    @PostMapping("/schedule/doctors/{id}/templates")
    String create(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        try {
            var created = scheduleTemplates.createTemplate(user, DoctorId.of(id), templateForm(form));
            if ("true".equals(form.getFirst("activate"))) {
                scheduleTemplates.activate(user, created.id());
            }
            return "redirect:/schedule/doctors/" + id + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("error", message(refused, locale));
            model.addAttribute("values", form.toSingleValueMap());
            return schedule(user, id, null, "week", null, model);
        }
    }

    @PostMapping("/schedule/templates/{id}/{action}")
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam String doctorId,
            Model model,
            Locale locale) {
        UUID template = TypedId.parse(id, "id");
        try {
            switch (action) {
                case "activate" -> scheduleTemplates.activate(user, template);
                case "deactivate" -> scheduleTemplates.deactivate(user, template, confirm);
                case "delete" -> scheduleTemplates.deleteTemplate(user, template, confirm);
                default -> throw new NotFound();
            }
            return "redirect:/schedule/doctors/" + doctorId + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("error", message(refused, locale));
            model.addAttribute("confirmable", "appointments-affected".equals(refused.problem()) ? action : null);
            model.addAttribute("confirmTemplate", template);
            return schedule(user, doctorId, null, "week", null, model);
        }
    }

    @PostMapping("/schedule/slots/{id}/{action}")
    String slot(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam String doctorId,
            @RequestParam(required = false) String date,
            Model model,
            Locale locale) {
        try {
            if ("close".equals(action)) {
                doctorSchedules.closeSlot(user, TypedId.parse(id, "id"));
            } else {
                doctorSchedules.openSlot(user, TypedId.parse(id, "id"));
            }
            return "redirect:/schedule/doctors/" + doctorId + (date == null ? "" : "?date=" + date);
        } catch (DomainException refused) {
            model.addAttribute("error", message(refused, locale));
            return schedule(user, doctorId, date, "week", null, model);
        }
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
            model.addAttribute("error", message(refused, locale));
            return schedule(user, id, null, "week", phone, model);
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
            var created = booking.createPatient(user, patientForm(form));
            return "redirect:/schedule/doctors/" + id + "?created&phone="
                    + java.net.URLEncoder.encode(created.phone(), java.nio.charset.StandardCharsets.UTF_8)
                    + "#book-for";
        } catch (DomainException refused) {
            model.addAttribute("errors", pageErrors.of(refused, locale));
            model.addAttribute("patient", form.toSingleValueMap());
            return schedule(user, id, null, "week", form.getFirst("query"), model);
        }
    }

    /** The clinic's administrator sets how many days ahead booking opens ("booking opens N days ahead"). */
    @PostMapping("/schedule/clinics/{clinicId}/horizon")
    String horizon(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String clinicId,
            @RequestParam String doctorId,
            @RequestParam(required = false) String horizonDays,
            Model model,
            Locale locale) {
        try {
            if (horizonDays == null || !horizonDays.strip().matches("\\d{1,3}")) {
                throw new InvalidInput("horizonDays", "scheduling.validation.horizon");
            }
            doctorSchedules.setHorizonDays(user, ClinicId.of(clinicId), Integer.parseInt(horizonDays.strip()));
            return "redirect:/schedule/doctors/" + doctorId + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("horizonErrors", pageErrors.of(refused, locale));
            model.addAttribute("horizonValue", horizonDays);
            return schedule(user, doctorId, null, "week", null, model);
        }
    }

    /** The template editor for one template, filled with its current values. */
    @GetMapping("/schedule/templates/{id}/edit")
    String editTemplate(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var template = scheduleTemplates.template(user, TypedId.parse(id, "id"));
        if (!model.containsAttribute("values")) {
            var values = new java.util.HashMap<String, String>();
            values.put("name", template.name());
            values.put("validFrom", template.validFrom().toString());
            values.put("validTo", template.validTo().toString());
            values.put("firstStart", template.firstStart().toString());
            values.put("lastStart", template.lastStart().toString());
            values.put("slotMinutes", String.valueOf(template.slotMinutes()));
            values.put("breaks", String.join(", ", template.breaks()));
            model.addAttribute("values", values);
            model.addAttribute(
                    "weekdays",
                    template.weekdays().stream()
                            .map(day -> String.valueOf(day.getValue()))
                            .toList());
            model.addAttribute(
                    "chosenServices",
                    template.serviceIds().stream().map(UUID::toString).toList());
        }
        model.addAttribute("template", template);
        model.addAttribute("doctor", slotSearch.doctor(template.doctorId()).orElseThrow(NotFound::new));
        model.addAttribute("services", scheduleTemplates.servicesOf(template.doctorId()));
        return "scheduling/template-edit";
    }

    /**
     * Saves an edited template. When booked appointments would be lost the page says how many and
     * offers to confirm: then they are cancelled and each patient is told (SPEC C1).
     */
    @PostMapping("/schedule/templates/{id}")
    String updateTemplate(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        UUID template = TypedId.parse(id, "id");
        boolean confirm = "true".equals(form.getFirst("confirm"));
        try {
            var saved = scheduleTemplates.updateTemplate(user, template, templateForm(form), confirm);
            return "redirect:/schedule/doctors/" + saved.doctorId().value() + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("error", message(refused, locale));
            model.addAttribute("confirmable", "appointments-affected".equals(refused.problem()));
            model.addAttribute("values", form.toSingleValueMap());
            model.addAttribute("weekdays", form.getOrDefault("weekdays", List.of()));
            model.addAttribute("chosenServices", form.getOrDefault("serviceIds", List.of()));
            return editTemplate(user, id, model);
        }
    }

    // ---------------------------------------------------------------- patient records (SPEC C6)

    /** Staff look patients up by phone, SNILS or policy, and create a record when none exists. */
    @GetMapping("/schedule/patients")
    String patients(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String query, Model model) {
        model.addAttribute("query", query);
        if (query != null && !query.isBlank()) {
            model.addAttribute("found", records.find(user, query));
        }
        if (!model.containsAttribute("patient")) {
            model.addAttribute(
                    "patient",
                    new java.util.HashMap<String, String>(java.util.Map.of("phone", query == null ? "" : query)));
        }
        return "scheduling/patients";
    }

    @PostMapping("/schedule/patients")
    String createRecord(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        try {
            var created = records.create(user, patientForm(form));
            return "redirect:/schedule/patients/" + created.patientId().value() + "?created";
        } catch (DomainException refused) {
            model.addAttribute("errors", pageErrors.of(refused, locale));
            model.addAttribute("patient", form.toSingleValueMap());
            return patients(user, form.getFirst("query"), model);
        }
    }

    /** One record with its policies; staff add and remove policies here. */
    @GetMapping("/schedule/patients/{patientId}")
    String patient(@AuthenticationPrincipal SignedInUser user, @PathVariable String patientId, Model model) {
        model.addAttribute("card", records.card(user, PatientId.of(patientId)));
        model.addAttribute("keepsRegistry", records.keepsRegistry(user, PatientId.of(patientId)));
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("policy")) {
            model.addAttribute("policy", new java.util.HashMap<String, String>(java.util.Map.of("kind", "OMS")));
        }
        return "scheduling/patient";
    }

    @PostMapping("/schedule/patients/{patientId}/policies")
    String addPolicy(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String patientId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        try {
            records.addPolicy(
                    user,
                    PatientId.of(patientId),
                    new PolicyForm(
                            form.getFirst("kind"),
                            form.getFirst("number"),
                            form.getFirst("insurer"),
                            form.getFirst("validFrom"),
                            form.getFirst("validTo")));
            return "redirect:/schedule/patients/" + patientId + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", pageErrors.of(refused, locale));
            model.addAttribute("policy", form.toSingleValueMap());
            return patient(user, patientId, model);
        }
    }

    /** The registry records or corrects the SNILS from the patient's document (SPEC F4, issue 12). */
    @PostMapping("/schedule/patients/{patientId}/snils")
    String setSnils(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String patientId,
            @RequestParam(required = false) String snils,
            Model model,
            Locale locale) {
        try {
            records.recordSnils(user, PatientId.of(patientId), Snils.parse(snils, "snils"));
            return "redirect:/schedule/patients/" + patientId + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", pageErrors.of(refused, locale));
            model.addAttribute("snils", snils);
            return patient(user, patientId, model);
        }
    }

    @PostMapping("/schedule/policies/{id}/delete")
    String removePolicy(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestParam String patientId) {
        records.removePolicy(user, TypedId.parse(id, "id"));
        return "redirect:/schedule/patients/" + PatientId.of(patientId).value() + "?saved";
    }

    private static PatientRecordForm patientForm(MultiValueMap<String, String> form) {
        return new PatientRecordForm(
                form.getFirst("lastName"),
                form.getFirst("firstName"),
                form.getFirst("patronymic"),
                form.getFirst("birthDate"),
                form.getFirst("sex"),
                form.getFirst("phone"),
                form.getFirst("snils"),
                form.getFirst("omsNumber"),
                form.getFirst("omsInsurer"),
                form.getFirst("omsValidTo"));
    }

    private static TemplateForm templateForm(MultiValueMap<String, String> form) {
        String minutes = form.getFirst("slotMinutes");
        String breaks = form.getFirst("breaks");
        return new TemplateForm(
                form.getFirst("name"),
                form.getFirst("validFrom"),
                form.getFirst("validTo"),
                form.get("weekdays"),
                form.getFirst("firstStart"),
                form.getFirst("lastStart"),
                minutes == null || !minutes.strip().matches("\\d{1,4}") ? null : Integer.valueOf(minutes.strip()),
                breaks == null ? List.of() : List.of(breaks.split("[,;]")),
                form.get("serviceIds"));
    }

    private String message(DomainException refused, Locale locale) {
        if (refused instanceof InvalidInput invalid) {
            var error = invalid.errors().get(0);
            return messages.getMessage("scheduling.field." + error.field(), null, error.field(), locale) + ": "
                    + messages.getMessage(
                            error.messageCode(), error.arguments().toArray(), error.messageCode(), locale);
        }
        return messages.getMessage(refused.messageCode(), refused.messageArguments(), refused.problem(), locale);
    }
}
