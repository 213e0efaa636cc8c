package org.medkarta.scheduling.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AfterBooking;
import org.medkarta.scheduling.AppointmentChanges;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.AppointmentStatus;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.CalendarFiles;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.scheduling.Slips;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.TypedId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open booking API (ARCHITECTURE.md, "Booking"; SPEC C3–C7, I1): free slots, booking, my
 * appointments, cancel, reschedule, iCalendar and the private calendar feed.
 */
@RestController
@Tag(name = "Booking")
class BookingApi {

    private final SlotSearch slotSearch;
    private final Booking booking;
    private final AppointmentChanges appointmentChanges;
    private final AppointmentReading appointmentReading;
    private final CalendarFiles calendarFiles;
    private final PatientReferrals patientReferrals;
    private final PublicUrl publicUrl;
    private final Slips slips;
    private final ObjectProvider<AfterBooking> afterBooking;

    BookingApi(
            SlotSearch slotSearch,
            Booking booking,
            AppointmentChanges appointmentChanges,
            AppointmentReading appointmentReading,
            CalendarFiles calendarFiles,
            PatientReferrals patientReferrals,
            PublicUrl publicUrl,
            Slips slips,
            ObjectProvider<AfterBooking> afterBooking) {
        this.afterBooking = afterBooking;
        this.publicUrl = publicUrl;
        this.slips = slips;
        this.slotSearch = slotSearch;
        this.booking = booking;
        this.appointmentChanges = appointmentChanges;
        this.appointmentReading = appointmentReading;
        this.calendarFiles = calendarFiles;
        this.patientReferrals = patientReferrals;
    }

    /**
     * Free slots by doctor or specialty (and clinic, format), nearest first, one entry per service
     * bookable in the slot, honouring the visibility of each service for the patient asking. Paged:
     * {@code size} slots (default 200, at most 500; {@code limit} is the older name) of page {@code
     * page} (from 0).
     */
    @GetMapping("/api/v1/slots")
    List<Json.Slot> slots(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String doctorId,
            @RequestParam(required = false) String specialty,
            @RequestParam(required = false) String clinicId,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer size,
            @RequestParam(defaultValue = "0") int page) {
        if (page < 0) {
            throw new InvalidInput("page", "scheduling.validation.page");
        }
        Integer asked = size != null ? size : limit;
        if (asked != null && (asked < 1 || asked > 500)) {
            throw new InvalidInput(size != null ? "size" : "limit", "scheduling.validation.size");
        }
        var query = new SlotQuery(
                doctorId == null || doctorId.isBlank() ? null : DoctorId.of(doctorId),
                specialty,
                clinicId == null || clinicId.isBlank() ? null : ClinicId.of(clinicId),
                Params.format(format),
                Params.instant(from, "from"),
                Params.instant(to, "to"),
                asked == null ? 200 : asked,
                page);
        return slotSearch.search(user, query).stream().map(Json.Slot::of).toList();
    }

    /**
     * How many free slots each day holds for a doctor or a specialty, by the same visibility rules
     * as {@code /api/v1/slots}: {@code [{date, freeSlots}]} for every day from {@code from} to
     * {@code to} (dates, inclusive; today and two weeks by default, at most 92 days), days of the
     * doctor's clinic's zone (Moscow for a specialty).
     */
    @GetMapping("/api/v1/slots/days")
    List<Json.Day> days(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String doctorId,
            @RequestParam(required = false) String specialty,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return slotSearch
                .freeDays(
                        user,
                        doctorId == null || doctorId.isBlank() ? null : DoctorId.of(doctorId),
                        specialty == null || specialty.isBlank() ? null : specialty,
                        Params.date(from, "from"),
                        Params.date(to, "to"))
                .stream()
                .map(Json.Day::of)
                .toList();
    }

    /**
     * Books a slot: 201 {@code {id, status, slotId, patientId, start, end, consultationId?, payment?}}
     * (the consultation request a telemedicine service opens, in the same transaction; for a paid
     * service the patient books, the payment that holds the slot: {@code {paymentId, state,
     * confirmationUrl, holdUntil}}); 409 {@code slot-taken},
     * {@code overlapping-appointment}, {@code consent-required}; 403 {@code not-visible}, {@code
     * referral-required}.
     */
    @PostMapping("/api/v1/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    Json.Appointment book(
            @AuthenticationPrincipal SignedInUser user,
            @RequestBody Json.BookingBody body,
            HttpServletRequest request) {
        var booking = new BookingRequest(
                Params.uuid(body.slotId(), "slotId"),
                body.patientId() == null || body.patientId().isBlank() ? null : PatientId.of(body.patientId()),
                Params.uuid(body.serviceId(), "serviceId"),
                Params.uuid(body.referralId(), "referralId"),
                body.complaint(),
                Boolean.TRUE.equals(body.acceptClinicDocuments()));
        var booked = this.booking.book(user, booking, request.getRemoteAddr());
        var payment = afterBooking
                .orderedStream()
                .map(step -> step.next(user, booked))
                .flatMap(java.util.Optional::stream)
                .filter(step -> step.kind().equals("payment"))
                .findFirst()
                .map(step -> new Json.Payment(step.id(), step.state(), step.url(), step.until()))
                .orElse(null);
        return Json.Appointment.of(booked, this.booking.consultationOf(booked).orElse(null), payment);
    }

    /** The signed-in patient's appointments, or (for staff) a patient's appointments with their doctors. */
    @GetMapping("/api/v1/appointments")
    @PreAuthorize("isAuthenticated()")
    List<Json.Appointment> appointments(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) String status) {
        return appointmentReading
                .appointments(
                        user,
                        patientId == null || patientId.isBlank() ? null : PatientId.of(patientId),
                        Params.choice(AppointmentStatus.class, status, "status"))
                .stream()
                .map(Json.Appointment::of)
                .toList();
    }

    @GetMapping("/api/v1/appointments/{id}")
    @PreAuthorize("isAuthenticated()")
    Json.Appointment appointment(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.Appointment.of(appointmentReading.appointment(user, TypedId.parse(id, "id")));
    }

    @PostMapping("/api/v1/appointments/{id}/cancel")
    @PreAuthorize("isAuthenticated()")
    Json.Appointment cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.Appointment.of(appointmentChanges.cancel(user, TypedId.parse(id, "id")));
    }

    @PostMapping("/api/v1/appointments/{id}/reschedule")
    @PreAuthorize("isAuthenticated()")
    Json.Appointment reschedule(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody Json.RescheduleBody body) {
        return Json.Appointment.of(
                appointmentChanges.reschedule(user, TypedId.parse(id, "id"), Params.uuid(body.slotId(), "slotId")));
    }

    @GetMapping(value = "/api/v1/appointments/{id}/ics", produces = "text/calendar")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<String> ics(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var appointment = TypedId.parse(id, "id");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appointment-" + appointment + ".ics\"")
                .body(calendarFiles.ics(user, appointment));
    }

    /**
     * The printable slip of the appointment as a PDF (issue 23): its patient's, a representative's
     * and the clinic's staff's; 404 for anyone else. A cancelled appointment answers 409.
     */
    @GetMapping("/api/v1/appointments/{id}/slip")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> slip(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var appointment = TypedId.parse(id, "id");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"slip-" + appointment + ".pdf\"")
                .body(slips.pdf(user, appointment));
    }

    /** The URL of the signed-in patient's private calendar feed (made on first use). */
    @GetMapping("/api/v1/calendar-feed")
    @PreAuthorize("hasRole('PATIENT')")
    Json.Feed feed(@AuthenticationPrincipal SignedInUser user) {
        return new Json.Feed(publicUrl.of(calendarFiles.feedPath(user.patientId())));
    }

    /** A new secret for the feed: the old URL stops working. */
    @PostMapping("/api/v1/calendar-feed/renew")
    @PreAuthorize("hasRole('PATIENT')")
    Json.Feed renew(@AuthenticationPrincipal SignedInUser user) {
        return new Json.Feed(publicUrl.of(calendarFiles.renewFeed(user.patientId())));
    }

    @DeleteMapping("/api/v1/calendar-feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('PATIENT')")
    void revoke(@AuthenticationPrincipal SignedInUser user) {
        calendarFiles.revokeFeed(user.patientId());
    }

    /** The signed-in patient's referrals, used and unused. */
    @GetMapping("/api/v1/referrals")
    @PreAuthorize("hasRole('PATIENT')")
    List<Json.Referral> referrals(@AuthenticationPrincipal SignedInUser user) {
        return patientReferrals.referrals(user.patientId()).stream()
                .map(Json.Referral::of)
                .toList();
    }

    /** Staff find the patient to book for by phone or SNILS (SPEC C6). */
    @GetMapping("/api/v1/booking/patients")
    @PreAuthorize("isAuthenticated()")
    List<Json.Patient> patients(@AuthenticationPrincipal SignedInUser user, @RequestParam String query) {
        return booking.findPatients(user, query).stream().map(Json.Patient::of).toList();
    }
}
