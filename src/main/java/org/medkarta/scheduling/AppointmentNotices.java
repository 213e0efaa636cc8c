package org.medkarta.scheduling;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.notification.Contact;
import org.medkarta.notification.Message;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.Representation;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells patients about their appointments through the outbox (SPEC C8), in the caller's
 * transaction, each notice once per idempotency key. Times are written in the clinic's zone.
 */
@Component
class AppointmentNotices {

    // Notices go out in the platform's language; an account has no language of its own yet.
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", RUSSIAN);

    private final Notifications notifications;
    private final AccountDirectory identity;
    private final ClinicCatalogue clinics;
    private final MessageSource messages;
    private final SchedulingProperties properties;
    private final Representation representation;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;

    AppointmentNotices(
            Notifications notifications,
            AccountDirectory identity,
            ClinicCatalogue clinics,
            MessageSource messages,
            SchedulingProperties properties,
            Representation representation,
            PublicUrl publicUrl,
            ApplicationEventPublisher events) {
        this.publicUrl = publicUrl;
        this.events = events;
        this.notifications = notifications;
        this.identity = identity;
        this.clinics = clinics;
        this.messages = messages;
        this.properties = properties;
        this.representation = representation;
    }

    void booked(AppointmentView appointment) {
        tell(appointment, "booked", "appointment-booked:" + appointment.id());
    }

    /** The booking notice, with the doctor and service the booking has just read. */
    void booked(AppointmentView appointment, DoctorView doctor, ServiceView service) {
        tell(appointment, "booked", "appointment-booked:" + appointment.id(), doctor.fullName(), service.name());
    }

    /**
     * Tells the doctor that an appointment is cancelled because its patient closed their account
     * (SPEC A9), so that they do not wait for them; the slot is free again.
     */
    void cancelledByClosure(AppointmentView appointment) {
        clinics.doctor(appointment.doctorId())
                .filter(doctor -> doctor.userId() != null)
                .ifPresent(doctor -> {
                    ZoneId zone = clinics.timezone(appointment.clinicId());
                    String when = WHEN.format(appointment.start().atZone(zone));
                    var message = new Message(
                            messages.getMessage("scheduling.notice.patient-closed.title", null, RUSSIAN),
                            messages.getMessage("scheduling.notice.patient-closed.text", new Object[] {when}, RUSSIAN),
                            publicUrl.of("/schedule"));
                    notifications.tell(
                            doctor.userId(),
                            identity.contact(doctor.userId()).orElse(new Contact(null, null)),
                            message,
                            "appointment-closed-account:" + appointment.id());
                });
    }

    void rescheduled(AppointmentView appointment) {
        tell(appointment, "rescheduled", "appointment-rescheduled:" + appointment.id() + ":" + appointment.slotId());
    }

    void cancelled(AppointmentView appointment, boolean byClinic) {
        tell(appointment, byClinic ? "cancelled-by-clinic" : "cancelled", "appointment-cancelled:" + appointment.id());
    }

    /** A reminder {@code before} the start; the key includes the time, so a moved appointment is reminded anew. */
    void remind(AppointmentView appointment, String kind, Duration before) {
        UserId told = tell(
                appointment,
                before.toHours() >= 24 ? "reminder-day" : "reminder-soon",
                "appointment-reminder:" + appointment.id() + ":" + kind + ":"
                        + appointment.start().getEpochSecond());
        events.publishEvent(new AppointmentReminderDue(appointment.id(), told, kind, appointment.start()));
    }

    private UserId tell(AppointmentView appointment, String what, String key) {
        String doctor =
                clinics.doctor(appointment.doctorId()).map(DoctorView::fullName).orElse("");
        String service = clinics.service(new ServiceId(appointment.serviceId()))
                .map(ServiceView::name)
                .orElse("");
        return tell(appointment, what, key, doctor, service);
    }

    private UserId tell(AppointmentView appointment, String what, String key, String doctor, String service) {
        ZoneId zone = clinics.timezone(appointment.clinicId());
        String when = WHEN.format(appointment.start().atZone(zone));
        String title = messages.getMessage("scheduling.notice." + what + ".title", null, RUSSIAN);
        String text = messages.getMessage(
                "scheduling.notice." + what + ".text", new Object[] {when, doctor, service}, RUSSIAN);
        // Decided now, not at booking: a parent who booked for their child stops being told on the
        // child's 15th birthday, and the child is told instead (issue 7; order 003 §23.2).
        UserId told = representation.toldAbout(appointment.patientId(), appointment.patientUserId());
        Contact contact = identity.contact(told).orElse(new Contact(null, null));
        notifications.tell(told, contact, new Message(title, text, publicUrl.of("/appointments")), key);
        return told;
    }
}
