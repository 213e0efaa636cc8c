package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicStaff;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A doctor's schedule as it stands (SPEC C2, C6; issue 12): who keeps it (the doctor, an
 * administrator of their clinic) and who sees it (also the clinic's registrars), slots added, closed
 * and opened by hand, the calendar («График») of slots and booked appointments, and the booking
 * horizon the clinic sets (1 to 90 days), over which the slots of active templates are made.
 *
 * <p>Anyone asking about a schedule that is not theirs to see gets {@link NotFound}.
 */
@Service
public class DoctorSchedules {

    private final Slots slots;
    private final Appointments appointments;
    private final Locks locks;
    private final ClinicSettings settings;
    private final ClinicCatalogue clinics;
    private final ClinicAdministrators clinicAdministrators;
    private final ClinicStaff clinicStaff;
    private final ScheduleRules rules;
    private final SlotMaking making;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DoctorSchedules(
            Slots slots,
            Appointments appointments,
            Locks locks,
            ClinicSettings settings,
            ClinicCatalogue clinics,
            ClinicAdministrators clinicAdministrators,
            ClinicStaff clinicStaff,
            ScheduleRules rules,
            SlotMaking making,
            TransactionTemplate transaction,
            Clock clock) {
        this.slots = slots;
        this.appointments = appointments;
        this.locks = locks;
        this.settings = settings;
        this.clinics = clinics;
        this.clinicAdministrators = clinicAdministrators;
        this.clinicStaff = clinicStaff;
        this.rules = rules;
        this.making = making;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Whether the person may change the doctor's schedule: the doctor, or an administrator of their clinic. */
    @Transactional(readOnly = true)
    public boolean manages(SignedInUser actor, DoctorId doctor) {
        return rules.manages(actor, doctor);
    }

    /** The doctors whose schedules the person manages: their own profiles and their clinics' doctors. */
    @Transactional(readOnly = true)
    public List<DoctorView> managedDoctors(SignedInUser actor) {
        var found = new ArrayList<DoctorView>();
        var seen = new HashSet<DoctorId>();
        if (actor == null) {
            return found;
        }
        if (actor.has(Role.DOCTOR)) {
            for (var profile : clinics.profilesOf(actor.userId())) {
                if (seen.add(profile.id())) {
                    found.add(profile);
                }
            }
        }
        if (actor.has(Role.CLINIC_ADMIN) || actor.has(Role.PLATFORM_ADMIN)) {
            for (var clinic : clinicAdministrators.administered(actor)) {
                for (var doctor : clinicStaff.doctorsOf(actor, clinic.id())) {
                    if (seen.add(doctor.id())) {
                        found.add(doctor);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The doctors whose calendars the person books into: those they manage, and as a registrar every
     * active doctor of their clinics (issue 12), whose schedules they see but do not change.
     */
    @Transactional(readOnly = true)
    public List<DoctorView> bookingDoctors(SignedInUser actor) {
        var found = new ArrayList<>(managedDoctors(actor));
        var seen = new HashSet<DoctorId>();
        found.forEach(doctor -> seen.add(doctor.id()));
        for (ClinicId clinic : rules.registrarClinics(actor)) {
            for (var doctor : clinics.findDoctors(null, null, clinic)) {
                if (seen.add(doctor.id())) {
                    found.add(doctor);
                }
            }
        }
        return found;
    }

    /** Whether the person sees the doctor's calendar: who manages it, or a registrar of the doctor's clinic. */
    @Transactional(readOnly = true)
    public boolean seesSchedule(SignedInUser actor, DoctorId doctor) {
        return rules.seesSchedule(actor, doctor);
    }

    // ---------------------------------------------------------------- slots (C2)

    /**
     * Makes the slots of every active template up to each clinic's horizon: the daily job, and once
     * at start. Returns how many slots were added.
     */
    public int materialiseAll() {
        return making.materialiseAll();
    }

    /**
     * Adds a single slot by hand (SPEC C2).
     *
     * @throws SchedulingRefusal {@code slot-overlap} when the doctor has a slot at that time
     */
    @Transactional
    public SlotView addSlot(SignedInUser actor, DoctorId doctor, Instant start, int minutes, List<UUID> services) {
        var found = rules.managed(actor, doctor);
        if (start == null) {
            throw new InvalidInput("start", "validation.required");
        }
        if (!start.isAfter(clock.instant())) {
            throw new InvalidInput("start", "scheduling.validation.in-past");
        }
        if (minutes < 5 || minutes > 480 || minutes % 5 != 0) {
            throw new InvalidInput("minutes", "scheduling.validation.slot-minutes");
        }
        var given = clinics.servicesOf(doctor).stream().map(s -> s.id().value()).toList();
        var chosen = services == null || services.isEmpty() ? given : services;
        if (chosen.isEmpty() || !given.containsAll(chosen)) {
            throw new InvalidInput("serviceIds", "scheduling.validation.service");
        }
        locks.hold(doctor.value());
        Instant end = start.plus(Duration.ofMinutes(minutes));
        if (slots.overlapping(doctor, start, end)) {
            throw SchedulingRefusal.slotOverlap();
        }
        UUID id = UUID.randomUUID();
        slots.add(
                id,
                doctor,
                found.clinicId(),
                null,
                start,
                end,
                String.join(",", chosen.stream().map(UUID::toString).toList()));
        return slots.find(id).orElseThrow();
    }

    /** Closes a free slot by hand, so nobody can book it; a booked one must be cancelled first. */
    @Transactional
    public SlotView closeSlot(SignedInUser actor, UUID slot) {
        var found = slots.find(slot).orElseThrow(NotFound::new);
        rules.managed(actor, found.doctorId());
        if (!slots.change(slot, SlotStatus.FREE, SlotStatus.CLOSED)) {
            throw SchedulingRefusal.slotTaken();
        }
        return slots.find(slot).orElseThrow();
    }

    /** Opens a slot closed by hand again. */
    @Transactional
    public SlotView openSlot(SignedInUser actor, UUID slot) {
        var found = slots.find(slot).orElseThrow(NotFound::new);
        rules.managed(actor, found.doctorId());
        slots.change(slot, SlotStatus.CLOSED, SlotStatus.FREE);
        return slots.find(slot).orElseThrow();
    }

    /** The doctor's calendar ("График"): every slot in {@code [from, to)} with its status. */
    @Transactional(readOnly = true)
    public List<SlotView> calendar(SignedInUser actor, DoctorId doctor, Instant from, Instant to) {
        if (!rules.seesSchedule(actor, doctor)) {
            throw new NotFound();
        }
        return slots.ofDoctor(doctor, from, to);
    }

    /** The doctor's booked appointments in {@code [from, to)}. */
    @Transactional(readOnly = true)
    public List<AppointmentView> doctorAppointments(SignedInUser actor, DoctorId doctor, Instant from, Instant to) {
        if (!rules.seesSchedule(actor, doctor)) {
            throw new NotFound();
        }
        return appointments.ofDoctor(doctor, from, to);
    }

    /** Whether the person administers the clinic (sets its booking horizon). */
    @Transactional(readOnly = true)
    public boolean administers(SignedInUser actor, ClinicId clinic) {
        return actor != null && clinicAdministrators.administers(actor, clinic);
    }

    /** How many days ahead the clinic opens booking. */
    @Transactional(readOnly = true)
    public int horizonDays(ClinicId clinic) {
        return rules.horizonDays(clinic);
    }

    /** Sets how many days ahead the clinic opens booking (1 to 90); slots appear at once. */
    public void setHorizonDays(SignedInUser actor, ClinicId clinic, int days) {
        if (!clinicAdministrators.administers(actor, clinic)) {
            throw new NotFound();
        }
        if (days < 1 || days > 90) {
            throw new InvalidInput("horizonDays", "scheduling.validation.horizon");
        }
        transaction.executeWithoutResult(status -> settings.setHorizonDays(clinic, days));
        making.materialiseAll();
    }
}
