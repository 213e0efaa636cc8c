package org.medkarta.scheduling.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.DoctorSchedules;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.TemplateForm;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Doctors' schedules for the doctor and their clinic's administrators (SPEC C1, C2): templates,
 * single slots, the calendar and the clinic's booking horizon. Another clinic's doctor answers 404.
 */
@RestController
@Tag(name = "Schedules")
@PreAuthorize("hasAnyRole('DOCTOR', 'CLINIC_ADMIN', 'PLATFORM_ADMIN', 'REGISTRAR')")
class ScheduleApi {

    record Calendar(List<Json.CalendarSlot> slots, List<Json.Appointment> appointments) {}

    private final ScheduleTemplates scheduleTemplates;
    private final DoctorSchedules doctorSchedules;
    private final Clock clock;

    ScheduleApi(ScheduleTemplates scheduleTemplates, DoctorSchedules doctorSchedules, Clock clock) {
        this.scheduleTemplates = scheduleTemplates;
        this.doctorSchedules = doctorSchedules;
        this.clock = clock;
    }

    /** Creates a template, inactive until activated; weekdays as MONDAY, MON or 1..7, breaks as 13:00-14:00. */
    @PostMapping("/api/v1/doctors/{id}/schedule-templates")
    @ResponseStatus(HttpStatus.CREATED)
    Json.Template create(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody TemplateForm body) {
        return Json.Template.of(scheduleTemplates.createTemplate(user, DoctorId.of(id), body));
    }

    @GetMapping("/api/v1/doctors/{id}/schedule-templates")
    List<Json.Template> list(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return scheduleTemplates.templates(user, DoctorId.of(id)).stream()
                .map(Json.Template::of)
                .toList();
    }

    @GetMapping("/api/v1/schedule-templates/{id}")
    Json.Template get(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.Template.of(scheduleTemplates.template(user, TypedId.parse(id, "id")));
    }

    /** Changes a template; 409 {@code appointments-affected} unless {@code confirm=true} cancels them. */
    @PutMapping("/api/v1/schedule-templates/{id}")
    Json.Template update(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestBody TemplateForm body) {
        return Json.Template.of(scheduleTemplates.updateTemplate(user, TypedId.parse(id, "id"), body, confirm));
    }

    /** Switches a template on; 409 {@code template-overlap} names the active template it overlaps. */
    @PostMapping("/api/v1/schedule-templates/{id}/activate")
    Json.Template activate(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.Template.of(scheduleTemplates.activate(user, TypedId.parse(id, "id")));
    }

    @PostMapping("/api/v1/schedule-templates/{id}/deactivate")
    Json.Template deactivate(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean confirm) {
        return Json.Template.of(scheduleTemplates.deactivate(user, TypedId.parse(id, "id"), confirm));
    }

    @DeleteMapping("/api/v1/schedule-templates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean confirm) {
        scheduleTemplates.deleteTemplate(user, TypedId.parse(id, "id"), confirm);
    }

    /** Adds a single slot by hand: {@code {start, minutes, serviceIds}} (all the doctor's services when none). */
    @PostMapping("/api/v1/doctors/{id}/slots")
    @ResponseStatus(HttpStatus.CREATED)
    Json.CalendarSlot addSlot(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.NewSlot body) {
        if (body.minutes() == null) {
            throw new InvalidInput("minutes", "validation.required");
        }
        return Json.CalendarSlot.of(doctorSchedules.addSlot(
                user, DoctorId.of(id), body.start(), body.minutes(), Params.uuids(body.serviceIds(), "serviceIds")));
    }

    @PostMapping("/api/v1/slots/{id}/close")
    Json.CalendarSlot close(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.CalendarSlot.of(doctorSchedules.closeSlot(user, TypedId.parse(id, "id")));
    }

    @PostMapping("/api/v1/slots/{id}/open")
    Json.CalendarSlot open(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.CalendarSlot.of(doctorSchedules.openSlot(user, TypedId.parse(id, "id")));
    }

    /** The doctor's calendar: every slot with its status and the booked appointments (a week by default). */
    @GetMapping("/api/v1/doctors/{id}/calendar")
    Calendar calendar(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        var doctor = DoctorId.of(id);
        Instant start = Params.instant(from, "from");
        start = start == null ? clock.instant() : start;
        Instant end = Params.instant(to, "to");
        end = end == null ? start.plus(Duration.ofDays(7)) : end;
        return new Calendar(
                doctorSchedules.calendar(user, doctor, start, end).stream()
                        .map(Json.CalendarSlot::of)
                        .toList(),
                doctorSchedules.doctorAppointments(user, doctor, start, end).stream()
                        .map(Json.Appointment::of)
                        .toList());
    }

    /** How many days ahead the clinic opens booking: {@code {horizonDays}}, 1 to 90. */
    @PutMapping("/api/v1/clinics/{id}/booking-horizon")
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN', 'PLATFORM_ADMIN')")
    Json.Horizon horizon(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.Horizon body) {
        if (body.horizonDays() == null) {
            throw new InvalidInput("horizonDays", "validation.required");
        }
        var clinic = ClinicId.of(id);
        doctorSchedules.setHorizonDays(user, clinic, body.horizonDays());
        return new Json.Horizon(doctorSchedules.horizonDays(clinic));
    }
}
