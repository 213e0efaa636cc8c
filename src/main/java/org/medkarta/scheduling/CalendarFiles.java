package org.medkarta.scheduling;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.PublicUrl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar (SPEC C7): an .ics file per appointment for whoever may read it, and the patient's
 * private calendar feed behind a secret, made on first use, renewed or revoked at once.
 */
@Service
public class CalendarFiles {

    private final Appointments appointments;
    private final CalendarFeeds feeds;
    private final ClinicCatalogue clinics;
    private final ScheduleRules rules;
    private final PublicUrl publicUrl;
    private final Clock clock;

    CalendarFiles(
            Appointments appointments,
            CalendarFeeds feeds,
            ClinicCatalogue clinics,
            ScheduleRules rules,
            PublicUrl publicUrl,
            Clock clock) {
        this.appointments = appointments;
        this.feeds = feeds;
        this.clinics = clinics;
        this.rules = rules;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The appointment as an iCalendar file. */
    @Transactional(readOnly = true)
    public String ics(SignedInUser actor, UUID id) {
        var appointment = appointments.find(id).orElseThrow(NotFound::new);
        if (!rules.mayRead(actor, appointment)) {
            throw new NotFound();
        }
        return Ics.calendar(List.of(event(appointment)), clock.instant());
    }

    /** The URL path of the patient's private calendar feed, made on first use. */
    @Transactional
    public String feedPath(PatientId patient) {
        return "/calendar/" + feeds.secretFor(patient, clock.instant()) + ".ics";
    }

    /** Replaces the feed's secret: the old URL stops working at once. */
    @Transactional
    public String renewFeed(PatientId patient) {
        return "/calendar/" + feeds.renew(patient, clock.instant()) + ".ics";
    }

    /** Revokes the feed; a new one gets a new secret. */
    @Transactional
    public void revokeFeed(PatientId patient) {
        feeds.revoke(patient);
    }

    /** The feed behind a secret: the patient's appointments, cancelled ones marked so. */
    @Transactional(readOnly = true)
    public String feed(String secret) {
        var patient = feeds.patientOf(secret).orElseThrow(NotFound::new);
        var events =
                appointments.ofPatient(patient, null).stream().map(this::event).toList();
        return Ics.calendar(events, clock.instant());
    }

    private Ics.Event event(AppointmentView appointment) {
        var doctor = clinics.doctor(appointment.doctorId());
        var service = clinics.service(new ServiceId(appointment.serviceId()));
        var clinic = clinics.card(appointment.clinicId());
        String summary = service.map(ServiceView::name).orElse("Приём") + " — "
                + doctor.map(DoctorView::fullName).orElse("");
        return new Ics.Event(
                appointment.id() + "@medkarta.org",
                appointment.start(),
                appointment.end(),
                summary,
                publicUrl.of("/appointments"),
                clinic.name() + ", " + clinic.address(),
                appointment.status() == AppointmentStatus.CANCELLED);
    }
}
