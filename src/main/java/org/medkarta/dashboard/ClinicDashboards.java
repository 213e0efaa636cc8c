package org.medkarta.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCard;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicStaff;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.HeadsOfDepartment;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceView;
import org.medkarta.consultation.ConsultationFigures;
import org.medkarta.dashboard.ClinicDashboard.Day;
import org.medkarta.dashboard.ClinicDashboard.Doctor;
import org.medkarta.dashboard.ClinicDashboard.Figures;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.ScheduleLoad;
import org.medkarta.scheduling.WalkInBoards;
import org.medkarta.scheduling.WalkInWaits;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic dashboards (SPEC J3, issue 19): who may see a clinic's figures, and the figures side by
 * side. The clinic's administrators (and platform administrators) and the doctors it appointed heads
 * of department see them; anyone else, other clinics' staff included, gets {@link NotFound}, so a
 * dashboard never tells that a clinic exists to someone who may not see it.
 *
 * <p>Two aggregate statements make a dashboard whatever the period, run at once: the load and
 * no-shows (scheduling), the requests and protocols sent (consultation); each reads the settled days
 * from its module's daily roll-up ({@link DashboardRollups}) and the rest from the rows, and sums them
 * by day and by doctor.
 */
@Service
public class ClinicDashboards {

    /** The longest period one dashboard covers: a year, leap day included. */
    static final int MAX_DAYS = 366;

    /**
     * The days before and after today a dashboard covers when no period is asked for: the past two
     * weeks' work and the coming two weeks' bookings.
     */
    static final int DEFAULT_HALF = 14;

    private final ClinicCatalogue clinics;
    private final ClinicAdministrators clinicAdministrators;
    private final ClinicStaff clinicStaff;
    private final HeadsOfDepartment heads;
    private final ScheduleLoad load;
    private final ConsultationFigures consultations;
    private final WalkInBoards walkIns;
    private final Executor background;
    private final Clock clock;

    ClinicDashboards(
            ClinicCatalogue clinics,
            ClinicAdministrators clinicAdministrators,
            ClinicStaff clinicStaff,
            HeadsOfDepartment heads,
            ScheduleLoad load,
            ConsultationFigures consultations,
            WalkInBoards walkIns,
            @Qualifier("applicationTaskExecutor") Executor background,
            Clock clock) {
        this.walkIns = walkIns;
        this.background = background;
        this.clinics = clinics;
        this.clinicAdministrators = clinicAdministrators;
        this.clinicStaff = clinicStaff;
        this.heads = heads;
        this.load = load;
        this.consultations = consultations;
        this.clock = clock;
    }

    /** Whether the person may see the clinic's dashboard: its administrator or a head of department of it. */
    @Transactional(readOnly = true)
    public boolean maySee(SignedInUser actor, ClinicId clinic) {
        return actor != null
                && clinic != null
                && (clinicAdministrators.administers(actor, clinic) || heads.heads(actor, clinic));
    }

    /** The clinics whose dashboards the person may see, by name. */
    @Transactional(readOnly = true)
    public List<ClinicCard> clinicsOf(SignedInUser actor) {
        if (actor == null) {
            return List.of();
        }
        var ids = new LinkedHashSet<ClinicId>();
        if (!actor.has(Role.PLATFORM_ADMIN)) {
            clinicAdministrators.administered(actor).forEach(clinic -> ids.add(clinic.id()));
        }
        actor.roles().stream()
                .filter(grant -> grant.role() == Role.HEAD_OF_DEPARTMENT && grant.clinic() != null)
                .filter(grant -> heads.heads(actor, grant.clinic()))
                .forEach(grant -> ids.add(grant.clinic()));
        return ids.stream()
                .map(clinics::card)
                .sorted(Comparator.comparing(ClinicCard::name))
                .toList();
    }

    /** The clinic's doctors, for the doctor filter. */
    @Transactional(readOnly = true)
    public List<DoctorView> doctors(SignedInUser actor, ClinicId clinic) {
        see(actor, clinic);
        return clinicStaff.doctorsOf(clinic).stream()
                .sorted(Comparator.comparing(DoctorView::fullName))
                .toList();
    }

    /** The clinic's active services, for the service filter. */
    @Transactional(readOnly = true)
    public List<ServiceView> services(SignedInUser actor, ClinicId clinic) {
        see(actor, clinic);
        return clinics.activeServices(clinic).stream()
                .sorted(Comparator.comparing(ServiceView::name))
                .toList();
    }

    /**
     * The clinic's figures over the filter's period.
     *
     * <p>The load (scheduling) and the requests (consultation) are counted at once, the load on the
     * application's task executor, each in a read-only transaction of its own: a year's dashboard
     * then takes the longer of the two, not their sum (bench/dashboard). This method holds no
     * transaction, so no connection is held while it waits for the other count.
     *
     * @throws NotFound unless the person may see the clinic's dashboard
     * @throws org.medkarta.shared.InvalidInput naming {@code from}, {@code to}, {@code doctorId} or
     *     {@code serviceId}: not a date, a period ending before it starts or longer than a year, not
     *     an id, or a doctor or service of another clinic
     */
    public ClinicDashboard dashboard(SignedInUser actor, ClinicId clinic, DashboardFilter filter) {
        ClinicCard card = see(actor, clinic);
        ZoneId zone = ZoneId.of(card.timezone());
        var now = clock.instant();
        var errors = new FieldErrors();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate to = date(filter.to(), "to", errors);
        LocalDate from = date(filter.from(), "from", errors);
        DoctorId doctor = filter.doctorId() == null || filter.doctorId().isBlank()
                ? null
                : errors.check(() -> new DoctorId(TypedId.parse(filter.doctorId(), "doctorId")));
        UUID service = filter.serviceId() == null || filter.serviceId().isBlank()
                ? null
                : errors.check(() -> TypedId.parse(filter.serviceId(), "serviceId"));
        errors.throwIfAny();
        if (from == null && to == null) {
            from = today.minusDays(DEFAULT_HALF);
            to = today.plusDays(DEFAULT_HALF);
        } else if (to == null) {
            to = from.plusDays(2 * DEFAULT_HALF);
        } else if (from == null) {
            from = to.minusDays(2 * DEFAULT_HALF);
        }
        if (to.isBefore(from)) {
            errors.reject("to", "dashboard.validation.period-reversed");
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            errors.reject("from", "dashboard.validation.period-too-long", MAX_DAYS);
        }
        var doctors = clinicStaff.doctorsOf(clinic);
        if (doctor != null && doctors.stream().noneMatch(d -> d.id().equals(doctor))) {
            errors.reject("doctorId", "dashboard.validation.doctor-not-here");
        }
        if (service != null
                && clinics.service(new ServiceId(service))
                        .filter(found -> found.clinicId().equals(clinic))
                        .isEmpty()) {
            errors.reject("serviceId", "dashboard.validation.service-not-here");
        }
        errors.throwIfAny();

        var slots = new ScheduleLoad.Query(clinic, zone, from, to, doctor, service);
        var requests = new ConsultationFigures.Query(clinic, zone, from, to, doctor, service);
        var loadSums = CompletableFuture.supplyAsync(() -> load.sums(slots, now), background);
        var requestSums = consultations.sums(requests, now);
        var loadSum = joined(loadSums);
        var days = new ArrayList<Day>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new Day(
                    day, figures(loadSum.byDay().get(day), requestSums.byDay().get(day))));
        }

        Map<DoctorId, String> names = new HashMap<>();
        doctors.forEach(d -> names.put(d.id(), d.fullName()));
        var ids = new LinkedHashSet<DoctorId>();
        ids.addAll(loadSum.byDoctor().keySet());
        ids.addAll(requestSums.byDoctor().keySet());
        var requestNames = new HashMap<DoctorId, String>();
        requestSums.byDoctor().forEach((id, sum) -> {
            if (sum.name() != null) {
                requestNames.put(id, sum.name());
            }
        });
        // A doctor who has left the clinic: named as their requests name them.
        var unnamed = ids.stream()
                .filter(id -> !names.containsKey(id) && !requestNames.containsKey(id))
                .toList();
        requestNames.putAll(consultations.doctorNames(clinic, unnamed));
        var doctorRows = ids.stream()
                .map(id -> new Doctor(
                        id,
                        names.getOrDefault(
                                id, requestNames.getOrDefault(id, id.value().toString())),
                        figures(
                                loadSum.byDoctor().get(id),
                                requestSums.byDoctor().get(id))))
                .sorted(Comparator.comparing(Doctor::name))
                .toList();

        var slotTotal = loadSum.byDay().values().stream().reduce(ScheduleLoad.Sum.NONE, ScheduleLoad.Sum::plus);
        var requestTotal = requestSums.byDay().values().stream()
                .reduce(ConsultationFigures.Sum.NONE, ConsultationFigures.Sum::plus);

        return new ClinicDashboard(
                clinic,
                card.name(),
                zone.getId(),
                from,
                to,
                doctor,
                service,
                now,
                figures(slotTotal, requestTotal),
                days,
                doctorRows,
                walkIn(actor, clinic, from, to, doctor, names));
    }

    /**
     * The walk-in queue's waits over the period (SPEC C9), per doctor who served it: patients served and
     * not come, the mean wait weighted by the patients of each day, and the longest; from the walk-in
     * queue's own figures, which its SQL computes. A service filter leaves them out: a walk-in ticket
     * is for a specialty, not a service.
     */
    private ClinicDashboard.WalkInWaits walkIn(
            SignedInUser actor,
            ClinicId clinic,
            LocalDate from,
            LocalDate to,
            DoctorId doctor,
            Map<DoctorId, String> names) {
        var byDoctor = new java.util.LinkedHashMap<DoctorId, List<WalkInWaits>>();
        walkIns.waits(actor, clinic, from, to).stream()
                .filter(row -> doctor == null || doctor.equals(row.doctorId()))
                .forEach(row -> byDoctor.computeIfAbsent(row.doctorId(), id -> new ArrayList<>())
                        .add(row));
        var rows = byDoctor.entrySet().stream()
                .map(entry -> {
                    long served = entry.getValue().stream()
                            .mapToLong(WalkInWaits::served)
                            .sum();
                    long missed = entry.getValue().stream()
                            .mapToLong(WalkInWaits::noShows)
                            .sum();
                    double weighted = entry.getValue().stream()
                            .mapToDouble(day -> day.meanWaitMinutes() * day.served())
                            .sum();
                    int longest = entry.getValue().stream()
                            .mapToInt(WalkInWaits::maxWaitMinutes)
                            .max()
                            .orElse(0);
                    return new ClinicDashboard.WalkInDoctor(
                            entry.getKey(),
                            names.getOrDefault(
                                    entry.getKey(), entry.getKey().value().toString()),
                            served,
                            missed,
                            served == 0 ? null : weighted / served,
                            longest);
                })
                .sorted(Comparator.comparing(ClinicDashboard.WalkInDoctor::name))
                .toList();
        return new ClinicDashboard.WalkInWaits(rows);
    }

    private static Figures figures(ScheduleLoad.Sum load, ConsultationFigures.Sum requests) {
        var booked = load == null ? ScheduleLoad.Sum.NONE : load;
        var asked = requests == null ? ConsultationFigures.Sum.NONE : requests;
        var slots = booked.count();
        var r = asked.count();
        return new Figures(
                slots.booked(),
                slots.free(),
                slots.closed(),
                slots.booked() + slots.free() == 0 ? null : slots.share(),
                r.fresh(),
                r.overdue(),
                r.missed(),
                r.inWork(),
                r.closed(),
                r.cancelled(),
                r.meanMinutesToTake(),
                asked.sent(),
                booked.noShows());
    }

    /** What the other thread counted, or what it threw as thrown here. */
    private static <T> T joined(CompletableFuture<T> counted) {
        try {
            return counted.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private ClinicCard see(SignedInUser actor, ClinicId clinic) {
        if (!maySee(actor, clinic)) {
            throw new NotFound();
        }
        return clinics.card(clinic);
    }

    private static LocalDate date(String text, String field, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.reject(field, "dashboard.validation.date");
            return null;
        }
    }
}
