package org.medkarta.homevisit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's queue of home visit requests (issue 23): its registrars and administrators see the
 * new ones oldest first, with the temperature, and assign an active doctor of the clinic and a time
 * window on the requested day; the patient is told. Two registrars assigning at once: exactly one
 * wins, the other is told it was taken. Everyone else is told the clinic's queue does not exist.
 */
@Service
public class HomeVisitQueue {

    /** A window of the assignment in the clinic's day. */
    record Window(DoctorView doctor, Instant from, Instant to) {}

    private final Visits visits;
    private final VisitParties parties;
    private final ClinicCatalogue clinics;
    private final HomeVisitNotices notices;
    private final Clock clock;

    HomeVisitQueue(
            Visits visits, VisitParties parties, ClinicCatalogue clinics, HomeVisitNotices notices, Clock clock) {
        this.visits = visits;
        this.parties = parties;
        this.clinics = clinics;
        this.notices = notices;
        this.clock = clock;
    }

    /** The clinics whose queue the person works. */
    @Transactional(readOnly = true)
    public List<ClinicId> registries(SignedInUser actor) {
        return parties.registries(actor);
    }

    /**
     * The clinic's requests in one state ({@code NEW} when null), oldest first.
     *
     * @throws NotFound unless the person is a registrar or an administrator of the clinic
     */
    @Transactional(readOnly = true)
    public List<HomeVisitView> queue(SignedInUser actor, ClinicId clinic, HomeVisitState state) {
        requireRegistry(actor, clinic);
        return visits.ofClinic(clinic, state == null ? HomeVisitState.NEW : state).stream()
                .map(parties::view)
                .toList();
    }

    /**
     * The clinic's active doctors, to assign.
     *
     * @throws NotFound unless the person is a registrar or an administrator of the clinic
     */
    @Transactional(readOnly = true)
    public List<DoctorView> doctors(SignedInUser actor, ClinicId clinic) {
        requireRegistry(actor, clinic);
        return clinics.findDoctors(null, null, clinic).stream()
                .filter(DoctorView::active)
                .filter(d -> d.clinicId().equals(clinic))
                .toList();
    }

    /**
     * Assigns a doctor and a window to a new request and tells the patient.
     *
     * @throws NotFound unless the person is a registrar or an administrator of the visit's clinic
     * @throws InvalidInput {@code doctorId} (not an active doctor of the clinic), {@code from},
     *     {@code to} ({@code HH:mm}, from before to)
     * @throws HomeVisitRefusal {@code home-visit-taken} when another registrar assigned it first,
     *     {@code home-visit-closed} when it was cancelled
     */
    @Transactional
    public HomeVisitView assign(SignedInUser actor, UUID id, AssignmentForm form) {
        var row = visits.find(id).orElseThrow(NotFound::new);
        requireRegistry(actor, row.clinicId());
        var window = window(row, form);
        if (!visits.assign(id, window.doctor().id(), window.from(), window.to(), actor.userId(), clock.instant())) {
            var now = visits.find(id).orElseThrow();
            throw now.state() == HomeVisitState.ASSIGNED ? HomeVisitRefusal.taken() : HomeVisitRefusal.closed();
        }
        var assigned = visits.find(id).orElseThrow();
        notices.assigned(assigned, false);
        return parties.view(assigned);
    }

    /**
     * Changes the doctor or the window of an assigned request and tells the patient.
     *
     * @throws HomeVisitRefusal {@code home-visit-closed} when it is not assigned (new, or closed)
     */
    @Transactional
    public HomeVisitView reassign(SignedInUser actor, UUID id, AssignmentForm form) {
        var row = visits.find(id).orElseThrow(NotFound::new);
        requireRegistry(actor, row.clinicId());
        var window = window(row, form);
        if (!visits.reassign(id, window.doctor().id(), window.from(), window.to(), actor.userId(), clock.instant())) {
            throw HomeVisitRefusal.closed();
        }
        var changed = visits.find(id).orElseThrow();
        notices.assigned(changed, true);
        return parties.view(changed);
    }

    private Window window(Visits.Row row, AssignmentForm form) {
        var errors = new FieldErrors();
        DoctorView doctor = null;
        if (form.doctorId() == null || form.doctorId().isBlank()) {
            errors.reject("doctorId", "validation.required");
        } else {
            doctor = clinics.activeDoctorNamed(form.doctorId())
                    .filter(found -> found.clinicId().equals(row.clinicId()))
                    .orElse(null);
            if (doctor == null) {
                errors.reject("doctorId", "homevisit.validation.doctor");
            }
        }
        LocalTime from = time(form.from(), "from", errors);
        LocalTime to = time(form.to(), "to", errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.reject("to", "homevisit.validation.window");
        }
        errors.throwIfAny();
        ZoneId zone = clinics.timezone(row.clinicId());
        return new Window(
                doctor,
                row.day().atTime(from).atZone(zone).toInstant(),
                row.day().atTime(to).atZone(zone).toInstant());
    }

    private static LocalTime time(String typed, String field, FieldErrors errors) {
        if (typed == null || typed.isBlank()) {
            errors.reject(field, "validation.required");
            return null;
        }
        try {
            return LocalTime.parse(typed.strip());
        } catch (DateTimeParseException malformed) {
            errors.reject(field, "homevisit.validation.time");
            return null;
        }
    }

    private void requireRegistry(SignedInUser actor, ClinicId clinic) {
        if (!parties.registryOf(actor, clinic)) {
            throw new NotFound();
        }
    }
}
