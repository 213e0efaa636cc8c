package org.medkarta.scheduling;

import java.time.ZoneId;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceView;
import org.medkarta.clinic.Visibility;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printable appointment slip (issue 23): as a page's model and as a PDF.
 *
 * <p>Whoever may read the appointment may have its slip (the same check as {@link
 * AppointmentReading#appointment}: its patient, a representative who may act for them, the staff managing its
 * doctor), and so may the registrars of its clinic, who see the doctor's schedule and hand slips out
 * at the desk. Anyone else gets {@link NotFound}, so the slip never tells that an appointment exists.
 * A cancelled appointment has no slip: a paper that looks valid for a visit that will not happen
 * would send the patient to the clinic for nothing.
 */
@Service
public class Slips {

    private final Appointments appointments;
    private final DoctorSchedules doctorSchedules;
    private final AppointmentReading appointmentReading;
    private final ClinicCatalogue clinics;
    private final AccountDirectory identity;

    Slips(
            Appointments appointments,
            DoctorSchedules doctorSchedules,
            AppointmentReading appointmentReading,
            ClinicCatalogue clinics,
            AccountDirectory identity) {
        this.appointments = appointments;
        this.doctorSchedules = doctorSchedules;
        this.appointmentReading = appointmentReading;
        this.clinics = clinics;
        this.identity = identity;
    }

    /**
     * The slip of an appointment the person may see.
     *
     * @throws NotFound when there is no such appointment or it is not the person's to see
     * @throws SchedulingRefusal {@code appointment-cancelled}
     */
    @Transactional(readOnly = true)
    public AppointmentSlip slip(SignedInUser actor, UUID id) {
        if (actor == null || id == null) {
            throw new NotFound();
        }
        var appointment = appointments.find(id).orElseThrow(NotFound::new);
        if (!appointmentReading.mayRead(actor, appointment)
                && !doctorSchedules.seesSchedule(actor, appointment.doctorId())) {
            throw new NotFound();
        }
        if (appointment.status() == AppointmentStatus.CANCELLED) {
            throw SchedulingRefusal.appointmentCancelled();
        }
        var doctor = clinics.doctor(appointment.doctorId());
        var service = clinics.service(new ServiceId(appointment.serviceId()));
        var clinic = clinics.card(appointment.clinicId());
        ZoneId zone = ZoneId.of(clinic.timezone());
        var specialty = service.map(ServiceView::specialty).orElse(null);
        String patientName = identity.patient(appointment.patientId())
                .map(account ->
                        account.patronymic() == null || account.patronymic().isBlank()
                                ? account.lastName() + " " + account.firstName()
                                : account.lastName() + " " + account.firstName() + " " + account.patronymic())
                .orElse("");
        return new AppointmentSlip(
                appointment.id(),
                AppointmentSlip.numberOf(appointment.id()),
                appointment.start().atZone(zone),
                appointment.end().atZone(zone),
                doctor.map(DoctorView::fullName).orElse(""),
                specialty == null ? "" : specialty.nameRu(),
                specialty == null ? "" : specialty.nameEn(),
                service.map(ServiceView::name).orElse(""),
                service.map(ServiceView::format).orElse(null),
                clinic.name(),
                clinic.address() == null ? "" : clinic.address(),
                clinic.phone(),
                patientName,
                // Booked on a referral, or for a service only a referral opens: the registry asks for the paper.
                appointment.referralId() != null
                        || service.map(s -> s.visibility() == Visibility.REFERRAL)
                                .orElse(false));
    }

    /** The slip as a PDF, in Russian, for printing or keeping. */
    @Transactional(readOnly = true)
    public byte[] pdf(SignedInUser actor, UUID id) {
        return SlipPdf.render(slip(actor, id));
    }
}
