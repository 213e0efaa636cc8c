package org.medkarta.scheduling.web;

import java.util.Locale;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.DoctorSchedules;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The schedule's calendar pages (SPEC C2, C6, seed 004): the doctors whose calendars the person
 * sees, a doctor's calendar ("График") by day or week, closing and opening a slot by hand, and the
 * clinic's booking horizon. Templates are {@link TemplatePages}, booking for a patient {@link
 * StaffBookingPages}, patient records {@link PatientRecordPages}.
 */
@Controller
@PreAuthorize("hasAnyRole('DOCTOR', 'CLINIC_ADMIN', 'PLATFORM_ADMIN', 'REGISTRAR')")
class SchedulePages {

    private final DoctorSchedules doctorSchedules;
    private final ScheduleModel scheduleModel;
    private final PageErrors pageErrors;

    SchedulePages(DoctorSchedules doctorSchedules, ScheduleModel scheduleModel, PageErrors pageErrors) {
        this.doctorSchedules = doctorSchedules;
        this.scheduleModel = scheduleModel;
        this.pageErrors = pageErrors;
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
        return scheduleModel.fill(user, id, date, view, phone, model);
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
            model.addAttribute("error", scheduleModel.message(refused, locale));
            return scheduleModel.fill(user, doctorId, date, "week", null, model);
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
            return scheduleModel.fill(user, doctorId, null, "week", null, model);
        }
    }
}
