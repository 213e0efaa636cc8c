package org.medkarta.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Representation;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * The rules every scheduling facade asks: who manages or sees a doctor's schedule (the doctor, an
 * administrator of their clinic, a registrar of it, read from their account), who is an
 * appointment's patient side, whom a booking may be for, how far ahead a clinic opens booking, and
 * whether a slot may be booked now. Not transactional of its own: each rule runs in the transaction
 * of the facade asking.
 */
@Component
class ScheduleRules {

    private final ClinicCatalogue clinics;

    private final ClinicAdministrators clinicAdministrators;
    private final AccountDirectory identity;
    private final Representation representation;
    private final ClinicSettings settings;
    private final SchedulingProperties properties;

    ScheduleRules(
            ClinicCatalogue clinics,
            ClinicAdministrators clinicAdministrators,
            AccountDirectory identity,
            Representation representation,
            ClinicSettings settings,
            SchedulingProperties properties) {
        this.clinics = clinics;
        this.clinicAdministrators = clinicAdministrators;
        this.identity = identity;
        this.representation = representation;
        this.settings = settings;
        this.properties = properties;
    }

    /** Whether the person may change the doctor's schedule: the doctor, or an administrator of their clinic. */
    boolean manages(SignedInUser actor, DoctorId doctor) {
        if (actor == null || doctor == null) {
            return false;
        }
        var found = clinics.doctor(doctor);
        if (found.isEmpty()) {
            return false;
        }
        if (actor.has(Role.DOCTOR) && found.get().userId().equals(actor.userId())) {
            return true;
        }
        return clinicAdministrators.administers(actor, found.get().clinicId());
    }

    /** Whether the person sees the doctor's calendar: who manages it, or a registrar of the doctor's clinic. */
    boolean seesSchedule(SignedInUser actor, DoctorId doctor) {
        return manages(actor, doctor)
                || clinics.doctor(doctor)
                        .map(found -> registrarOf(actor, found.clinicId()))
                        .orElse(false);
    }

    DoctorView managed(SignedInUser actor, DoctorId doctor) {
        if (!manages(actor, doctor)) {
            throw new NotFound();
        }
        return clinics.doctor(doctor).orElseThrow(NotFound::new);
    }

    /** Whether the person is a registrar of the clinic now, read from their account, not their sign-in. */
    boolean registrarOf(SignedInUser actor, ClinicId clinic) {
        return registrarClinics(actor).contains(clinic);
    }

    List<ClinicId> registrarClinics(SignedInUser actor) {
        return clinicsWhere(actor, Role.REGISTRAR);
    }

    /** The clinics where the person holds the role now, read from their account, not their sign-in. */
    List<ClinicId> clinicsWhere(SignedInUser actor, Role role) {
        if (actor == null || !actor.has(role)) {
            return List.of();
        }
        return identity.account(actor.userId())
                .map(account -> account.roles().stream()
                        .filter(grant -> grant.role() == role && grant.clinic() != null)
                        .map(org.medkarta.identity.RoleGrant::clinic)
                        .distinct()
                        .toList())
                .orElse(List.of());
    }

    boolean isPatientSide(SignedInUser actor, AppointmentView appointment) {
        return actor != null
                && (appointment.patientId().equals(actor.patientId())
                        || appointment.patientUserId().equals(actor.userId())
                        || representation.mayActFor(actor.userId(), appointment.patientId()));
    }

    /** Whether the person may read the appointment: its patient, their representative, the staff managing its doctor. */
    boolean mayRead(SignedInUser actor, AppointmentView appointment) {
        return isPatientSide(actor, appointment) || manages(actor, appointment.doctorId());
    }

    /** How many days ahead the clinic opens booking. */
    int horizonDays(ClinicId clinic) {
        return settings.horizonDays(clinic).orElse(properties.horizonDays());
    }

    /** Whether the slot may be booked now: in the future, inside the clinic's horizon, and free. */
    void checkBookable(SlotView slot, Instant now) {
        if (!slot.start().isAfter(now)) {
            throw SchedulingRefusal.slotInPast();
        }
        int days = horizonDays(slot.clinicId());
        if (slot.start().isAfter(now.plus(Duration.ofDays(days)))) {
            throw SchedulingRefusal.bookingNotOpen(days);
        }
        if (slot.status() != SlotStatus.FREE) {
            throw SchedulingRefusal.slotTaken();
        }
    }

    /** Whom a booking is for, and the account told about it. */
    record Booker(PatientId patientId, UserId userId) {}

    /**
     * The patient booked for: the signed-in patient; any patient when staff of the doctor book, a
     * doctor of the same clinic routes a patient to a colleague (SPEC D10), or any doctor asks a
     * consultant in a doctor-to-doctor service (SPEC D11); otherwise whom the access module lets the
     * actor act for.
     */
    Booker patientFor(SignedInUser actor, PatientId asked, DoctorView doctor, boolean doctorToDoctor) {
        if (asked == null) {
            if (actor.patientId() == null) {
                throw new InvalidInput("patientId", "validation.required");
            }
            return new Booker(actor.patientId(), actor.userId());
        }
        if (!asked.equals(actor.patientId())
                && (manages(actor, doctor.id())
                        || registrarOf(actor, doctor.clinicId())
                        || colleague(actor, doctor, doctorToDoctor))) {
            var account = identity.patient(asked).orElseThrow(NotFound::new);
            if (identity.closed(asked)) {
                throw SchedulingRefusal.patientAccountClosed();
            }
            return new Booker(account.patientId(), account.userId());
        }
        // A named patient is the access module's decision, audited: the patient themselves, a parent
        // of a child under 15 or a FULL grantee, who is then told about the appointment (SPEC F1, F3).
        if (representation.mayActFor(actor.userId(), asked)) {
            return new Booker(asked, actor.userId());
        }
        throw new NotFound();
    }

    /**
     * Whether the person books for another patient as a colleague: a doctor of the doctor's clinic, or
     * for a doctor-to-doctor service any doctor, or a paramedic (фельдшер) of a clinic's rural post
     * asking a doctor (seed 004 «врач (фельдшер)-врач»; the role read from their account).
     */
    private boolean colleague(SignedInUser actor, DoctorView doctor, boolean doctorToDoctor) {
        if (doctorToDoctor && !clinicsWhere(actor, Role.PARAMEDIC).isEmpty()) {
            return true;
        }
        if (actor == null || !actor.has(Role.DOCTOR)) {
            return false;
        }
        var profiles = clinics.profilesOf(actor.userId());
        return doctorToDoctor
                ? !profiles.isEmpty()
                : profiles.stream().anyMatch(p -> p.clinicId().equals(doctor.clinicId()));
    }
}
