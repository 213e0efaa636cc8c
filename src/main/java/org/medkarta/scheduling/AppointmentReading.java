package org.medkarta.scheduling;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Representation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading appointments (SPEC C4, C5, F4): one appointment or a patient's list for its patient side
 * and the staff managing its doctor, as cards the pages show, and whether a patient has a booked
 * appointment with a doctor or a clinic, which is a care relationship for the access module.
 * Anyone else asking about an appointment gets {@link NotFound}.
 */
@Service
public class AppointmentReading {

    private final Appointments appointments;
    private final Representation representation;
    private final ScheduleRules rules;
    private final AppointmentCards cards;

    AppointmentReading(
            Appointments appointments, Representation representation, ScheduleRules rules, AppointmentCards cards) {
        this.appointments = appointments;
        this.representation = representation;
        this.rules = rules;
        this.cards = cards;
    }

    /**
     * A patient's appointments, latest first: the signed-in patient's own, or, for staff, those with
     * the doctors they manage.
     */
    @Transactional(readOnly = true)
    public List<AppointmentView> appointments(SignedInUser actor, PatientId patient, AppointmentStatus status) {
        PatientId whose = patient == null ? actor.patientId() : patient;
        if (whose == null) {
            return List.of();
        }
        var all = appointments.ofPatient(whose, status);
        if (patient == null || representation.mayActFor(actor.userId(), whose)) {
            return all;
        }
        var managed = new HashMap<DoctorId, Boolean>();
        return all.stream()
                .filter(a -> managed.computeIfAbsent(a.doctorId(), d -> rules.manages(actor, d)))
                .toList();
    }

    /** Whether the patient has a booked appointment with the doctor: a care relationship (SPEC F4). */
    @Transactional(readOnly = true)
    public boolean hasAppointment(PatientId patient, DoctorId doctor) {
        return appointments.ofPatient(patient, AppointmentStatus.BOOKED).stream()
                .anyMatch(appointment -> appointment.doctorId().equals(doctor));
    }

    /** Whether the patient has a booked appointment with any doctor of the clinic (SPEC F4, issue 12). */
    @Transactional(readOnly = true)
    public boolean hasAppointmentAt(PatientId patient, ClinicId clinic) {
        return appointments.ofPatient(patient, AppointmentStatus.BOOKED).stream()
                .anyMatch(appointment -> appointment.clinicId().equals(clinic));
    }

    /** Appointments as pages show them. */
    @Transactional(readOnly = true)
    public List<AppointmentCard> cards(SignedInUser viewer, List<AppointmentView> list) {
        return list.stream()
                .map(a -> cards.card(
                        a, a.slotId(), a.doctorId(), a.clinicId(), a.serviceId(), a.start(), a.end(), viewer))
                .toList();
    }

    /** One appointment, for its patient or the staff managing its doctor. */
    @Transactional(readOnly = true)
    public AppointmentView appointment(SignedInUser actor, UUID id) {
        var appointment = appointments.find(id).orElseThrow(NotFound::new);
        if (!rules.mayRead(actor, appointment)) {
            throw new NotFound();
        }
        return appointment;
    }

    /** Whether the person may read the appointment: its patient, their representative, the staff managing its doctor. */
    boolean mayRead(SignedInUser actor, AppointmentView appointment) {
        return rules.mayRead(actor, appointment);
    }
}
