package org.medkarta.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The walk-in electronic queue, «Дежурный врач» (SPEC C9, seed 002), as a clinic runs it: a queue
 * opened per specialty or room and day with the doctors on duty, the queues of a clinic and of the
 * day, and which patients go first. Tickets are {@link WalkInTickets}, the doctor's calls {@link
 * WalkInCalls}, the board and the doctors' load {@link WalkInBoards}.
 *
 * <p>State lives in the database only, so a restart loses and skips nothing. Anyone asking about a
 * queue that is not theirs to run gets {@link NotFound}.
 */
@Service
public class WalkInQueues {

    private final WalkIns walkIns;
    private final ClinicCatalogue clinics;
    private final WalkInRules rules;
    private final Clock clock;

    WalkInQueues(WalkIns walkIns, ClinicCatalogue clinics, WalkInRules rules, Clock clock) {
        this.walkIns = walkIns;
        this.clinics = clinics;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Whether the person watches the load of the clinic's walk-in queues live (seed 002: «главному
     * врачу и заведующим отделений … отслеживать загрузку врачей»). The one place that says who: an
     * administrator of the clinic, or a head of department of it, now.
     */
    @Transactional(readOnly = true)
    public boolean mayWatch(SignedInUser actor, ClinicId clinic) {
        return rules.mayWatch(actor, clinic);
    }

    /** Whether the person opens walk-in queues at the clinic: its administrator. */
    @Transactional(readOnly = true)
    public boolean opensQueues(SignedInUser actor, ClinicId clinic) {
        return rules.opensQueues(actor, clinic);
    }

    /**
     * Opens a walk-in queue at the clinic for a day, today or later in the clinic's zone, with its
     * doctors on duty (active doctors of the clinic), each receiving in the queue's room.
     *
     * @throws NotFound for anyone but an administrator of the clinic
     * @throws InvalidInput naming every wrong field
     */
    @Transactional
    public WalkInQueueView open(SignedInUser actor, ClinicId clinic, WalkInQueueForm form) {
        if (!rules.opensQueues(actor, clinic)) {
            throw new NotFound();
        }
        var errors = new ArrayList<InvalidInput.FieldError>();
        String name = text(form.name(), "name", 200, errors);
        String room = text(form.room(), "room", 40, errors);
        String specialty = form.specialty() == null ? "" : form.specialty().strip();
        if (clinics.specialties().stream().noneMatch(s -> s.code().equals(specialty))) {
            errors.add(new InvalidInput.FieldError("specialty", "scheduling.walk-in.validation.specialty"));
        }
        ZoneId zone = clinics.timezone(clinic);
        LocalDate day = null;
        try {
            day = LocalDate.parse(form.day() == null ? "" : form.day().strip());
            if (day.isBefore(LocalDate.ofInstant(clock.instant(), zone))) {
                errors.add(new InvalidInput.FieldError("day", "scheduling.walk-in.validation.day-past"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError("day", "scheduling.validation.date"));
        }
        LocalTime opens = time(form.opensAt(), "opensAt", errors);
        LocalTime closes = time(form.closesAt(), "closesAt", errors);
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            errors.add(new InvalidInput.FieldError("closesAt", "scheduling.walk-in.validation.hours"));
        }
        var doctors = new LinkedHashSet<DoctorView>();
        if (form.doctorIds() == null || form.doctorIds().stream().allMatch(id -> id == null || id.isBlank())) {
            errors.add(new InvalidInput.FieldError("doctorIds", "scheduling.walk-in.validation.doctors"));
        } else {
            for (String id : form.doctorIds()) {
                if (id == null || id.isBlank()) {
                    continue;
                }
                var found = clinics.activeDoctorNamed(id.strip())
                        .filter(doctor -> doctor.clinicId().equals(clinic));
                if (found.isEmpty()) {
                    errors.add(new InvalidInput.FieldError("doctorIds", "scheduling.walk-in.validation.doctor"));
                    break;
                }
                doctors.add(found.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var queue = new WalkIns.Queue(UUID.randomUUID(), clinic, name, specialty, room, day, opens, closes);
        walkIns.insert(queue, actor.userId().value(), clock.instant());
        doctors.forEach(doctor -> walkIns.insert(new WalkIns.Duty(queue.id(), doctor.id(), room)));
        return rules.view(queue);
    }

    /** The clinic's walk-in queues of a day (today in its zone when null): public, as the clinic's catalogue. */
    @Transactional(readOnly = true)
    public List<WalkInQueueView> queues(ClinicId clinic, LocalDate day) {
        ZoneId zone = clinics.timezone(clinic);
        LocalDate on = day == null ? LocalDate.ofInstant(clock.instant(), zone) : day;
        return walkIns.queuesOf(clinic, on).stream().map(rules::view).toList();
    }

    /** The walk-in queues of every clinic open today in the clinic's zone and not closed yet. */
    @Transactional(readOnly = true)
    public List<WalkInQueueView> openToday() {
        LocalDate utc = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        return walkIns.queuesOn(utc.minusDays(1), utc.plusDays(1), 200).stream()
                .filter(rules::takesTickets)
                .map(rules::view)
                .toList();
    }

    /** One queue, as anyone may read it. */
    @Transactional(readOnly = true)
    public WalkInQueueView queue(UUID id) {
        return walkIns.queue(id).map(rules::view).orElseThrow(NotFound::new);
    }

    /** The clinic's priorities; its administrators only. */
    @Transactional(readOnly = true)
    public WalkInSettings settings(SignedInUser actor, ClinicId clinic) {
        if (!rules.opensQueues(actor, clinic)) {
            throw new NotFound();
        }
        return walkIns.settings(clinic);
    }

    /** Sets which patients go first in the clinic's queues, for tickets taken from now on. */
    @Transactional
    public WalkInSettings choose(SignedInUser actor, ClinicId clinic, WalkInSettings settings) {
        if (!rules.opensQueues(actor, clinic)) {
            throw new NotFound();
        }
        walkIns.choose(clinic, settings);
        return settings;
    }

    private static String text(String value, String field, int limit, List<InvalidInput.FieldError> errors) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            errors.add(new InvalidInput.FieldError(field, "validation.required"));
            return null;
        }
        if (clean.length() > limit) {
            errors.add(new InvalidInput.FieldError(field, "scheduling.walk-in.validation.length", List.of(limit)));
            return null;
        }
        return clean;
    }

    private static LocalTime time(String value, String field, List<InvalidInput.FieldError> errors) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError(field, "scheduling.walk-in.validation.time"));
            return null;
        }
    }
}
