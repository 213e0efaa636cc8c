package org.medkarta.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.clinic.BookableService;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicServices;
import org.medkarta.clinic.ClinicStaff;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.OfferAndConsent;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.clinic.ServiceView;
import org.medkarta.clinic.Visibility;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.PatientCard;
import org.medkarta.identity.PatientRecordForm;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.PatientRegions;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.Representation;
import org.medkarta.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduling module's whole API: schedule templates and slots (SPEC C1, C2), slot search (C3),
 * booking (C4, C6), cancel and reschedule (C5), iCalendar (C7), notices and reminders (C8), and
 * referrals that bookings use up.
 *
 * <p>A doctor manages their own schedule; an administrator of the doctor's clinic manages it too.
 * Anyone else asking about a schedule or an appointment that is not theirs gets {@link NotFound}.
 * Refusals are {@link SchedulingRefusal}s named as the public API contract names them.
 */
@Service
public class Scheduling {

    private static final int SEARCH_LIMIT = 500;
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);

    private final Templates templates;
    private final Slots slots;
    private final Appointments appointments;
    private final Referrals referrals;
    private final Locks locks;
    private final Reminders reminders;
    private final CalendarFeeds feeds;
    private final ClinicSettings settings;
    private final AppointmentNotices notices;
    private final ReferralNotices referralNotices;
    private final ClinicCatalogue clinics;
    private final ClinicAdministrators clinicAdministrators;
    private final ClinicStaff clinicStaff;
    private final PatientAttachments patientAttachments;
    private final OfferAndConsent offerAndConsent;
    private final ClinicServices clinicServices;
    private final AccountDirectory identity;
    private final PatientRecords patientRecords;
    private final Representation representation;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final SchedulingProperties properties;
    private final Clock clock;
    private final PublicUrl publicUrl;

    private final PatientRegions patientRegions;
    private final MeterRegistry meters;

    Scheduling(
            Templates templates,
            Slots slots,
            Appointments appointments,
            Referrals referrals,
            Locks locks,
            Reminders reminders,
            CalendarFeeds feeds,
            ClinicSettings settings,
            AppointmentNotices notices,
            ReferralNotices referralNotices,
            ClinicCatalogue clinics,
            ClinicAdministrators clinicAdministrators,
            ClinicStaff clinicStaff,
            PatientAttachments patientAttachments,
            OfferAndConsent offerAndConsent,
            ClinicServices clinicServices,
            AccountDirectory identity,
            PatientRecords patientRecords,
            PatientRegions patientRegions,
            Representation representation,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            SchedulingProperties properties,
            Clock clock,
            PublicUrl publicUrl,
            MeterRegistry meters) {
        this.meters = meters;
        this.patientRegions = patientRegions;
        this.publicUrl = publicUrl;
        this.templates = templates;
        this.slots = slots;
        this.appointments = appointments;
        this.referrals = referrals;
        this.locks = locks;
        this.reminders = reminders;
        this.feeds = feeds;
        this.settings = settings;
        this.notices = notices;
        this.referralNotices = referralNotices;
        this.clinics = clinics;
        this.clinicAdministrators = clinicAdministrators;
        this.clinicStaff = clinicStaff;
        this.patientAttachments = patientAttachments;
        this.offerAndConsent = offerAndConsent;
        this.clinicServices = clinicServices;
        this.identity = identity;
        this.patientRecords = patientRecords;
        this.representation = representation;
        this.events = events;
        this.transaction = transaction;
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- who manages a schedule

    /** Whether the person may change the doctor's schedule: the doctor, or an administrator of their clinic. */
    @Transactional(readOnly = true)
    public boolean manages(SignedInUser actor, DoctorId doctor) {
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
        for (ClinicId clinic : registrarClinics(actor)) {
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
        return manages(actor, doctor)
                || clinics.doctor(doctor)
                        .map(found -> registrarOf(actor, found.clinicId()))
                        .orElse(false);
    }

    private DoctorView managed(SignedInUser actor, DoctorId doctor) {
        if (!manages(actor, doctor)) {
            throw new NotFound();
        }
        return clinics.doctor(doctor).orElseThrow(NotFound::new);
    }

    // ---------------------------------------------------------------- templates (C1)

    /**
     * Creates a template (inactive until {@link #activate}).
     *
     * @throws InvalidInput naming every wrong field, services the doctor does not give included
     */
    @Transactional
    public TemplateView createTemplate(SignedInUser actor, DoctorId doctor, TemplateForm form) {
        var found = managed(actor, doctor);
        var template = ScheduleTemplate.of(UUID.randomUUID(), doctor, found.clinicId(), form, false);
        checkServices(template);
        templates.save(template, clock.instant());
        return template.view();
    }

    /** The doctor's templates, for the editor. */
    @Transactional(readOnly = true)
    public List<TemplateView> templates(SignedInUser actor, DoctorId doctor) {
        managed(actor, doctor);
        return templates.ofDoctor(doctor).stream().map(ScheduleTemplate::view).toList();
    }

    @Transactional(readOnly = true)
    public TemplateView template(SignedInUser actor, UUID template) {
        return owned(actor, template).view();
    }

    /**
     * Changes a template. Booked appointments its new pattern no longer has are never lost
     * silently: without {@code confirm} the change is refused naming how many; with it they are
     * cancelled by the clinic and each patient is told (SPEC C1).
     *
     * @throws SchedulingRefusal {@code template-overlap} or {@code appointments-affected}
     */
    @Transactional
    public TemplateView updateTemplate(SignedInUser actor, UUID id, TemplateForm form, boolean confirm) {
        var current = owned(actor, id);
        var changed = ScheduleTemplate.of(id, current.doctor(), current.clinic(), form, current.active());
        checkServices(changed);
        return replace(actor, current, changed, confirm).view();
    }

    /**
     * Switches a template on: its slots appear at once over the booking horizon.
     *
     * @throws SchedulingRefusal {@code template-overlap} naming the active template it overlaps
     */
    @Transactional
    public TemplateView activate(SignedInUser actor, UUID id) {
        var current = owned(actor, id);
        return replace(actor, current, current.activated(true), false).view();
    }

    /** Switches a template off; its free slots go, booked ones need {@code confirm} as for an edit. */
    @Transactional
    public TemplateView deactivate(SignedInUser actor, UUID id, boolean confirm) {
        var current = owned(actor, id);
        return replace(actor, current, current.activated(false), confirm).view();
    }

    /** Deletes a template; booked appointments need {@code confirm}, as for an edit. */
    @Transactional
    public void deleteTemplate(SignedInUser actor, UUID id, boolean confirm) {
        var current = owned(actor, id);
        replace(actor, current, current.activated(false), confirm);
        slots.detach(id);
        templates.delete(id);
    }

    private ScheduleTemplate owned(SignedInUser actor, UUID template) {
        var found = templates.find(template).orElseThrow(NotFound::new);
        managed(actor, found.doctor());
        return found;
    }

    private void checkServices(ScheduleTemplate template) {
        var given = clinics.servicesOf(template.doctor()).stream()
                .map(s -> s.id().value())
                .toList();
        if (!given.containsAll(template.services())) {
            throw new InvalidInput("serviceIds", "scheduling.validation.service");
        }
    }

    private ScheduleTemplate replace(
            SignedInUser actor, ScheduleTemplate current, ScheduleTemplate changed, boolean confirm) {
        locks.hold(changed.doctor().value());
        if (changed.active()) {
            for (var other : templates.ofDoctor(changed.doctor())) {
                if (other.active() && !other.id().equals(changed.id()) && other.overlaps(changed)) {
                    throw SchedulingRefusal.templateOverlap(other.name());
                }
            }
        }
        Instant now = clock.instant();
        var kept = new HashSet<Instant>();
        if (changed.active()) {
            ZoneId zone = clinics.timezone(changed.clinic());
            LocalDate today = LocalDate.ofInstant(now, zone);
            changed.plan(today, today.plusDays(horizonDays(changed.clinic())), zone)
                    .forEach(planned -> kept.add(planned.start()));
        }
        var affected = slots.booked(current.id(), now).stream()
                .filter(slot -> !kept.contains(slot.start()))
                .toList();
        if (!affected.isEmpty() && !confirm) {
            throw SchedulingRefusal.appointmentsAffected(affected.size());
        }
        for (var slot : affected) {
            cancelLocked(actor.userId(), slot.appointmentId(), true, now);
        }
        slots.removeFree(current.id(), now);
        templates.save(changed, now);
        if (changed.active()) {
            materialise(changed, now);
        }
        return changed;
    }

    // ---------------------------------------------------------------- slots (C2)

    /**
     * Makes the slots of every active template up to each clinic's horizon: the daily job, and once
     * at start. Returns how many slots were added.
     */
    public int materialiseAll() {
        Instant now = clock.instant();
        int added = 0;
        for (var template : transaction.execute(status -> templates.activeUntilAtLeast(
                LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusDays(1)))) {
            Integer count = transaction.execute(status -> {
                locks.hold(template.doctor().value());
                return templates
                        .find(template.id())
                        .filter(ScheduleTemplate::active)
                        .map(current -> materialise(current, now))
                        .orElse(0);
            });
            added += count == null ? 0 : count;
        }
        return added;
    }

    /** Adds the template's missing slots from now to the horizon, never over an existing slot. */
    private int materialise(ScheduleTemplate template, Instant now) {
        ZoneId zone = clinics.timezone(template.clinic());
        LocalDate today = LocalDate.ofInstant(now, zone);
        var planned = template.plan(today, today.plusDays(horizonDays(template.clinic())), zone).stream()
                .filter(slot -> slot.start().isAfter(now))
                .toList();
        if (planned.isEmpty()) {
            return 0;
        }
        var existing = slots.ofDoctor(
                template.doctor(),
                planned.get(0).start().minus(Duration.ofHours(8)),
                planned.get(planned.size() - 1).end());
        int added = 0;
        String services = template.serviceColumn();
        for (var slot : planned) {
            boolean clashes = existing.stream()
                    .anyMatch(other ->
                            other.start().isBefore(slot.end()) && slot.start().isBefore(other.end()));
            if (!clashes
                    && slots.add(
                            UUID.randomUUID(),
                            template.doctor(),
                            template.clinic(),
                            template.id(),
                            slot.start(),
                            slot.end(),
                            services)) {
                added++;
            }
        }
        return added;
    }

    /**
     * Adds a single slot by hand (SPEC C2).
     *
     * @throws SchedulingRefusal {@code slot-overlap} when the doctor has a slot at that time
     */
    @Transactional
    public SlotView addSlot(SignedInUser actor, DoctorId doctor, Instant start, int minutes, List<UUID> services) {
        var found = managed(actor, doctor);
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
        managed(actor, found.doctorId());
        if (!slots.change(slot, SlotStatus.FREE, SlotStatus.CLOSED)) {
            throw SchedulingRefusal.slotTaken();
        }
        return slots.find(slot).orElseThrow();
    }

    /** Opens a slot closed by hand again. */
    @Transactional
    public SlotView openSlot(SignedInUser actor, UUID slot) {
        var found = slots.find(slot).orElseThrow(NotFound::new);
        managed(actor, found.doctorId());
        slots.change(slot, SlotStatus.CLOSED, SlotStatus.FREE);
        return slots.find(slot).orElseThrow();
    }

    /** The doctor's calendar ("График"): every slot in {@code [from, to)} with its status. */
    @Transactional(readOnly = true)
    public List<SlotView> calendar(SignedInUser actor, DoctorId doctor, Instant from, Instant to) {
        if (!seesSchedule(actor, doctor)) {
            throw new NotFound();
        }
        return slots.ofDoctor(doctor, from, to);
    }

    /** The doctor's booked appointments in {@code [from, to)}. */
    @Transactional(readOnly = true)
    public List<AppointmentView> doctorAppointments(SignedInUser actor, DoctorId doctor, Instant from, Instant to) {
        if (!seesSchedule(actor, doctor)) {
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
        return settings.horizonDays(clinic).orElse(properties.horizonDays());
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
        materialiseAll();
    }

    // ---------------------------------------------------------------- search (C3)

    /**
     * Free slots, nearest first, one entry per service that may be booked in each, honouring the
     * visibility of each doctor's service for the patient asking (SPEC B5) and the clinic's
     * booking horizon. One page of {@link SlotQuery#limit()} slots: the bookable services come from
     * one joined query of the clinic module, the page from one indexed query here, so a search costs
     * the same few queries however many doctors it spans (bench/booking).
     *
     * @param viewer whose visibility applies: a patient sees what is visible to them, staff see
     *     every service, a visitor not signed in sees the services open to the whole region
     */
    @Transactional(readOnly = true)
    public List<OfferedSlot> search(SignedInUser viewer, SlotQuery query) {
        return searchPage(viewer, query).offered();
    }

    /**
     * How many free slots each day from {@code from} to {@code to} (inclusive) holds, by the same
     * rules as {@link #search}: every day of the range, in order, zero where nothing is free. Days
     * are those of the doctor's clinic's zone, or of Moscow when searching by specialty; a slot
     * bookable for several services counts once.
     */
    @Transactional(readOnly = true)
    public List<FreeDay> freeDays(
            SignedInUser viewer, DoctorId doctor, String specialty, LocalDate from, LocalDate to) {
        return freeDays(viewer, doctor, specialty, null, from, to);
    }

    /** {@link #freeDays(SignedInUser, DoctorId, String, LocalDate, LocalDate)} of one service, when not null. */
    @Transactional(readOnly = true)
    public List<FreeDay> freeDays(
            SignedInUser viewer, DoctorId doctor, String specialty, UUID service, LocalDate from, LocalDate to) {
        ZoneId zone = calendarZone(doctor);
        if (from == null) {
            from = today(zone);
        }
        if (to == null) {
            to = from.plusDays(CALENDAR_DAYS - 1);
        }
        if (to.isBefore(from) || to.isAfter(from.plusDays(MAX_CALENDAR_DAYS - 1))) {
            throw new InvalidInput("to", "scheduling.validation.days-range", MAX_CALENDAR_DAYS);
        }
        var counted = new java.util.TreeMap<LocalDate, java.util.Set<UUID>>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            counted.put(day, new HashSet<>());
        }
        var query = new SlotQuery(
                doctor,
                specialty,
                null,
                null,
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                SEARCH_LIMIT);
        for (int page = 0; ; page++) {
            var found = searchPage(
                    viewer,
                    new SlotQuery(
                            query.doctor(),
                            query.specialty(),
                            null,
                            null,
                            query.from(),
                            query.to(),
                            SEARCH_LIMIT,
                            page));
            for (var slot : found.offered()) {
                if (service != null && !service.equals(slot.serviceId())) {
                    continue;
                }
                var day = counted.get(slot.start().atZone(zone).toLocalDate());
                if (day != null) {
                    day.add(slot.slotId());
                }
            }
            if (found.slotsRead() < SEARCH_LIMIT) {
                break;
            }
        }
        return counted.entrySet().stream()
                .map(entry -> new FreeDay(entry.getKey(), entry.getValue().size()))
                .toList();
    }

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    /** The days the booking calendar shows at once, and the longest range it answers. */
    public static final int CALENDAR_DAYS = 14;

    private static final int MAX_CALENDAR_DAYS = 92;

    /** The zone a doctor's free days are counted in: the clinic's, Moscow when not known. */
    @Transactional(readOnly = true)
    public ZoneId calendarZone(DoctorId doctor) {
        return doctor == null
                ? MOSCOW
                : clinics.doctor(doctor).map(found -> zoneOf(found.clinicId())).orElse(MOSCOW);
    }

    /** Today in a zone, by the injected clock. */
    public LocalDate today(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /**
     * The services of the doctors a query asks for that the viewer may see and book, by doctor and
     * service, every bookable service of those doctors whether visible or not, and where each visible
     * doctor's search ends (the query's end or their clinic's booking horizon).
     */
    private record Visible(
            Map<UUID, Map<UUID, BookableService>> offers, Map<UUID, Integer> bookable, Map<UUID, Instant> until) {}

    private Visible visibleOffers(SignedInUser viewer, SlotQuery query, Instant now) {
        boolean staff = viewer != null
                && (viewer.has(Role.DOCTOR)
                        || viewer.has(Role.PARAMEDIC)
                        || viewer.has(Role.CLINIC_ADMIN)
                        || viewer.has(Role.PLATFORM_ADMIN));
        PatientId patient = viewer == null || staff ? null : viewer.patientId();
        // Every bookable service of the doctors asked for, with its visibility: one joined query.
        var offers = new HashMap<UUID, Map<UUID, BookableService>>();
        var bookable = new HashMap<UUID, Integer>();
        var referralsHeld = patient == null
                ? List.<ReferralView>of()
                : referrals.ofPatient(patient).stream()
                        .filter(r -> r.usableAt(now))
                        .toList();
        var attached = new HashMap<ClinicId, Boolean>();
        // The patient's region decides the services visible to a region (SPEC B5); unknown, all are.
        String region = patient == null ? null : patientRegions.of(patient).orElse(null);
        for (var offer : clinics.bookableServices(query.specialty(), query.clinic(), query.doctor(), query.format())) {
            bookable.merge(offer.doctorId().value(), 1, Integer::sum);
            boolean visible = staff
                    || switch (offer.visibility()) {
                        case REGION -> ClinicCatalogue.inRegion(region, offer.region());
                        case ATTACHED ->
                            patient != null
                                    && attached.computeIfAbsent(
                                            offer.clinicId(), clinic -> patientAttachments.isAttached(patient, clinic));
                        case REFERRAL ->
                            referralsHeld.stream()
                                    .anyMatch(r -> r.specialty().equals(offer.specialty())
                                            && (r.doctorId() == null
                                                    || r.doctorId().equals(offer.doctorId())));
                    };
            if (visible) {
                offers.computeIfAbsent(offer.doctorId().value(), key -> new HashMap<>())
                        .put(offer.serviceId().value(), offer);
            }
        }
        // Each clinic's booking horizon ends its doctors' search.
        var clinicsAsked = new HashSet<ClinicId>();
        offers.values()
                .forEach(byService ->
                        clinicsAsked.add(byService.values().iterator().next().clinicId()));
        var chosen = clinicsAsked.isEmpty() ? Map.<ClinicId, Integer>of() : settings.horizonDays(clinicsAsked);
        var until = new HashMap<UUID, Instant>();
        for (var entry : offers.entrySet()) {
            var clinic = entry.getValue().values().iterator().next().clinicId();
            Instant horizon = now.plus(Duration.ofDays(chosen.getOrDefault(clinic, properties.horizonDays())));
            until.put(entry.getKey(), query.to() != null && query.to().isBefore(horizon) ? query.to() : horizon);
        }
        return new Visible(offers, bookable, until);
    }

    /**
     * One page of free slots for FHIR's Slot search, by the same visibility rules as {@link #search}
     * (the services the viewer may see, each clinic's booking horizon), counted and paged in SQL: a
     * slot appears once, with every visible service bookable in it, and a slot none of whose services
     * the viewer may see is neither returned nor counted.
     *
     * @param query the filters; its {@code limit} and {@code page} are not used
     * @param service only slots bookable for this service, when not null
     * @param offset how many slots to skip, nearest first
     * @param count at most this many slots (up to 500)
     */
    @Transactional(readOnly = true)
    public FreeSlotPage freeSlots(SignedInUser viewer, SlotQuery query, UUID service, int offset, int count) {
        Instant now = clock.instant();
        Instant from = query.from() == null || query.from().isBefore(now) ? now : query.from();
        var visible = visibleOffers(viewer, query, now);
        var groups = new ArrayList<Slots.Group>();
        var whole = new HashMap<Instant, List<UUID>>();
        for (var entry : visible.offers().entrySet()) {
            UUID doctor = entry.getKey();
            var services = entry.getValue().keySet();
            Instant to = visible.until().get(doctor);
            if (service != null) {
                if (services.contains(service)) {
                    groups.add(new Slots.Group(List.of(doctor), to, List.of(service)));
                }
            } else if (services.size() == visible.bookable().get(doctor)) {
                whole.computeIfAbsent(to, key -> new ArrayList<>()).add(doctor);
            } else {
                groups.add(new Slots.Group(List.of(doctor), to, List.copyOf(services)));
            }
        }
        whole.forEach((to, doctors) -> groups.add(new Slots.Group(doctors, to, null)));
        if (groups.isEmpty()) {
            return new FreeSlotPage(List.of(), 0);
        }
        int size = Math.max(0, Math.min(count, SEARCH_LIMIT));
        long total = slots.countFree(groups, from);
        var page = size == 0 ? List.<SlotView>of() : slots.freePage(groups, from, Math.max(0, offset), size);
        var found = new ArrayList<FreeSlotPage.Slot>();
        for (var slot : page) {
            var given = visible.offers().get(slot.doctorId().value());
            var offered = new ArrayList<OfferedSlot>();
            for (UUID serviceId : slot.serviceIds()) {
                var offer = given.get(serviceId);
                if (offer != null && (service == null || service.equals(serviceId))) {
                    offered.add(new OfferedSlot(
                            slot.id(),
                            offer.doctorId(),
                            offer.doctorName(),
                            offer.clinicId(),
                            serviceId,
                            offer.serviceName(),
                            offer.format(),
                            offer.priceKopecks(),
                            slot.start(),
                            slot.end()));
                }
            }
            found.add(new FreeSlotPage.Slot(slot, offered));
        }
        return new FreeSlotPage(found, total);
    }

    /** One page of the search, and how many free slots the page read before filtering services. */
    private record SearchPage(List<OfferedSlot> offered, int slotsRead) {}

    private SearchPage searchPage(SignedInUser viewer, SlotQuery query) {
        Instant now = clock.instant();
        Instant from = query.from() == null || query.from().isBefore(now) ? now : query.from();
        var visible = visibleOffers(viewer, query, now);
        var offers = visible.offers();
        if (offers.isEmpty()) {
            return new SearchPage(List.of(), 0);
        }
        var doctorsUntil = new HashMap<Instant, List<UUID>>();
        visible.until()
                .forEach((doctor, to) -> doctorsUntil
                        .computeIfAbsent(to, key -> new ArrayList<>())
                        .add(doctor));
        int size = query.limit() <= 0 || query.limit() > SEARCH_LIMIT ? SEARCH_LIMIT : query.limit();
        int page = Math.max(0, query.page());
        var offered = new ArrayList<OfferedSlot>();
        var free = slots.freePage(doctorsUntil, from, page * size, size);
        for (var slot : free) {
            var given = offers.get(slot.doctorId().value());
            for (UUID serviceId : slot.serviceIds()) {
                var offer = given.get(serviceId);
                if (offer != null) {
                    offered.add(new OfferedSlot(
                            slot.id(),
                            offer.doctorId(),
                            offer.doctorName(),
                            offer.clinicId(),
                            serviceId,
                            offer.serviceName(),
                            offer.format(),
                            offer.priceKopecks(),
                            slot.start(),
                            slot.end()));
                }
            }
        }
        return new SearchPage(offered, free.size());
    }

    /** A slot, for the booking page. */
    @Transactional(readOnly = true)
    public Optional<SlotView> slot(UUID slot) {
        return slots.find(slot);
    }

    /** The active services a doctor gives, for the templates editor. */
    @Transactional(readOnly = true)
    public List<ServiceView> servicesOf(DoctorId doctor) {
        return clinics.servicesOf(doctor);
    }

    /** The time zone the clinic's schedules are written in. */
    @Transactional(readOnly = true)
    public ZoneId zoneOf(ClinicId clinic) {
        return clinics.timezone(clinic);
    }

    /** Active doctors by specialty and part of the name, for the booking pages. */
    @Transactional(readOnly = true)
    public List<DoctorView> doctors(String specialty, String name) {
        return clinics.findDoctors(specialty, name, null);
    }

    /** The dictionary of specialties, for the booking pages. */
    public List<org.medkarta.clinic.Specialty> specialties() {
        return clinics.specialties();
    }

    @Transactional(readOnly = true)
    public Optional<DoctorView> doctor(DoctorId doctor) {
        return clinics.doctor(doctor);
    }

    /**
     * A free slot as the confirmation page shows it, with whether the patient still has to accept
     * the clinic's documents.
     */
    @Transactional(readOnly = true)
    public AppointmentCard offer(SignedInUser viewer, UUID slotId, UUID serviceId) {
        var slot = slots.find(slotId).orElseThrow(NotFound::new);
        UUID chosen = serviceId != null ? serviceId : slot.serviceIds().get(0);
        if (!slot.serviceIds().contains(chosen)) {
            throw new NotFound();
        }
        return card(null, slot.id(), slot.doctorId(), slot.clinicId(), chosen, slot.start(), slot.end(), viewer);
    }

    /** Appointments as pages show them. */
    @Transactional(readOnly = true)
    public List<AppointmentCard> cards(SignedInUser viewer, List<AppointmentView> list) {
        return list.stream()
                .map(a -> card(a, a.slotId(), a.doctorId(), a.clinicId(), a.serviceId(), a.start(), a.end(), viewer))
                .toList();
    }

    private AppointmentCard card(
            AppointmentView appointment,
            UUID slot,
            DoctorId doctorId,
            ClinicId clinicId,
            UUID serviceId,
            Instant start,
            Instant end,
            SignedInUser viewer) {
        var doctor = clinics.doctor(doctorId);
        var service = clinics.service(new ServiceId(serviceId));
        var clinic = clinics.card(clinicId);
        ZoneId zone = ZoneId.of(clinic.timezone());
        boolean accepted = viewer == null
                || viewer.patientId() == null
                || offerAndConsent.hasAccepted(viewer.patientId(), clinicId);
        return new AppointmentCard(
                appointment,
                slot,
                serviceId,
                doctor.map(DoctorView::fullName).orElse(""),
                service.map(ServiceView::name).orElse(""),
                service.map(ServiceView::format).orElse(null),
                // What the patient agreed to when booking, not what the clinic asks today.
                appointment != null && appointment.bookedAt() != null && service.isPresent()
                        ? clinicServices.priceAt(service.get().id(), appointment.bookedAt())
                        : service.map(ServiceView::priceKopecks).orElse(0L),
                clinicId,
                clinic.name(),
                start.atZone(zone),
                end.atZone(zone),
                accepted);
    }

    // ---------------------------------------------------------------- booking (C4, C6)

    /**
     * Books a free slot for the signed-in patient, or for a patient of the doctor's clinic when
     * staff book (SPEC C6). Exactly one appointment per slot and no overlapping appointments of one
     * patient hold under any concurrency: the slot is taken by a conditional update, and a patient's
     * bookings run one at a time on their lock row.
     *
     * <p>Three steps (issue 18): the checks read what they need in one read-only transaction; the
     * booking's own transaction then holds the patient's lock, checks their overlaps, takes the slot,
     * uses the referral and writes the appointment (five statements at most, and the acceptance of the
     * clinic's documents on a patient's first booking there); the follow-up — the event that opens the
     * consultation request and asks the questionnaires, and the notices — runs in a transaction of its
     * own before the answer, so the request the answer names exists. The appointment row records
     * that the follow-up is owed until it has run; {@link #followUpOverdue()} runs whatever a crash
     * between the two left.
     *
     * @param clientAddress where an acceptance of the clinic's documents came from
     * @throws SchedulingRefusal {@code slot-taken}, {@code overlapping-appointment}, {@code
     *     consent-required}, {@code not-visible}, {@code referral-required}, {@code slot-in-past},
     *     {@code booking-not-open}
     */
    public AppointmentView book(SignedInUser actor, BookingRequest request, String clientAddress) {
        Booking booking;
        try {
            booking = readOnly.execute(status -> prepare(actor, request));
            transaction.executeWithoutResult(status -> take(booking, clientAddress));
        } catch (DomainException refused) {
            counted(refused.problem());
            throw refused;
        }
        counted(null);
        followUp(booking.appointment(), booking.doctor(), booking.service());
        return booking.appointment();
    }

    /**
     * Counts a booking ({@code medkarta.bookings}) or a refusal by its problem name ({@code
     * medkarta.booking.refusals}, tag {@code reason}: a dozen names at most, never an id).
     */
    private void counted(String refusal) {
        if (refusal == null) {
            meters.counter("medkarta.bookings").increment();
        } else {
            meters.counter("medkarta.booking.refusals", "reason", refusal).increment();
        }
    }

    /** What the checks decided: the appointment to write and what its transaction must also do. */
    private record Booking(
            AppointmentView appointment,
            DoctorView doctor,
            ServiceView service,
            String specialty,
            boolean acceptDocuments) {}

    private Booking prepare(SignedInUser actor, BookingRequest request) {
        if (request.slot() == null) {
            throw new InvalidInput("slotId", "validation.required");
        }
        var slot = slots.find(request.slot()).orElseThrow(NotFound::new);
        var doctor = clinics.doctor(slot.doctorId()).orElseThrow(NotFound::new);
        // The service is read once; who may be booked depends on its kind, and it is refused (if at
        // all) only after the patient and the slot, in that order.
        UUID serviceId = request.service() != null
                ? request.service()
                : slot.serviceIds().size() == 1 ? slot.serviceIds().get(0) : null;
        var offered = serviceId == null || !slot.serviceIds().contains(serviceId)
                ? Optional.<ServiceView>empty()
                : clinics.service(new ServiceId(serviceId));
        boolean doctorToDoctor =
                offered.map(s -> s.kind() == ServiceKind.DOCTOR_TO_DOCTOR).orElse(false);
        var patient = patientFor(actor, request.patient(), doctor, doctorToDoctor);
        Instant now = clock.instant();
        checkBookable(slot, now);
        if (serviceId == null) {
            throw new InvalidInput("serviceId", "validation.required");
        }
        var service = offered.filter(ServiceView::active)
                .orElseThrow(() -> new InvalidInput("serviceId", "scheduling.validation.service"));
        String specialty = service.specialty().code();
        UUID referral = null;
        if (!doctorToDoctor && clinics.visibility(doctor, service) == Visibility.REFERRAL) {
            referral = request.referral() != null
                    ? request.referral()
                    : referrals
                            .usable(patient.patientId(), specialty, doctor.id(), now)
                            .orElseThrow(SchedulingRefusal::referralRequired);
        }
        if (!doctorToDoctor && !clinics.visibleTo(patient.patientId(), doctor, service, referral != null)) {
            throw SchedulingRefusal.notVisible();
        }
        boolean accept = !doctorToDoctor && !offerAndConsent.hasAccepted(patient.patientId(), doctor.clinicId());
        if (accept && !request.acceptClinicDocuments()) {
            throw SchedulingRefusal.consentRequired();
        }
        String complaint = request.complaint() == null || request.complaint().isBlank()
                ? null
                : request.complaint().strip();
        if (complaint != null && complaint.length() > 2000) {
            throw new InvalidInput("complaint", "scheduling.validation.too-long", 2000);
        }
        var appointment = new AppointmentView(
                UUID.randomUUID(),
                slot.id(),
                patient.patientId(),
                patient.userId(),
                doctor.id(),
                doctor.clinicId(),
                service.id().value(),
                slot.start(),
                slot.end(),
                AppointmentStatus.BOOKED,
                complaint,
                referral,
                actor.userId(),
                now,
                null,
                false,
                1,
                null);
        return new Booking(appointment, doctor, service, specialty, accept);
    }

    /** The booking's own transaction: every rule that concurrency could break is checked here. */
    private void take(Booking booking, String clientAddress) {
        var appointment = booking.appointment();
        if (booking.acceptDocuments()) {
            offerAndConsent.accept(appointment.patientId(), appointment.clinicId(), clientAddress);
        }
        locks.hold(appointment.patientId().value());
        if (appointments.overlaps(appointment.patientId(), appointment.start(), appointment.end(), null)) {
            throw SchedulingRefusal.overlappingAppointment();
        }
        if (!slots.take(appointment.slotId(), appointment.id())) {
            throw SchedulingRefusal.slotTaken();
        }
        if (appointment.referralId() != null
                && !referrals.use(
                        appointment.referralId(),
                        appointment.patientId(),
                        booking.specialty(),
                        appointment.doctorId(),
                        appointment.id(),
                        appointment.bookedAt())) {
            throw SchedulingRefusal.referralRequired();
        }
        try {
            appointments.insert(appointment);
        } catch (DuplicateKeyException race) {
            throw SchedulingRefusal.slotTaken();
        }
    }

    /**
     * The booking's follow-up, once per appointment: the event (the consultation module opens the
     * request in this transaction, questionnaires are asked after it) and the notices. A failure
     * leaves the follow-up owed; the booking stands.
     */
    private boolean followUp(AppointmentView appointment, DoctorView doctor, ServiceView service) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (!appointments.claimFollowUp(appointment.id(), clock.instant())) {
                    return false;
                }
                events.publishEvent(new AppointmentBooked(
                        appointment.id(),
                        appointment.patientId(),
                        appointment.doctorId(),
                        appointment.clinicId(),
                        appointment.serviceId(),
                        appointment.start(),
                        appointment.end(),
                        appointment.bookedAt(),
                        appointment.patientUserId(),
                        appointment.bookedBy(),
                        appointment.complaint()));
                notices.booked(appointment, doctor, service);
                return true;
            }));
        } catch (RuntimeException e) {
            log.warn("The follow-up of appointment {} failed; the follow-up job retries it", appointment.id(), e);
            return false;
        }
    }

    /**
     * Runs the follow-up a crash (or a failure) left owed on appointments booked more than a minute
     * ago; the scheduled job calls it on one node at a time.
     *
     * @return how many appointments were followed up
     */
    public int followUpOverdue() {
        int done = 0;
        for (UUID id : appointments.owedFollowUp(clock.instant().minus(Duration.ofMinutes(1)), 100)) {
            var appointment = appointments.find(id).orElse(null);
            if (appointment == null) {
                continue;
            }
            var doctor = clinics.doctor(appointment.doctorId()).orElse(null);
            var service =
                    clinics.service(new ServiceId(appointment.serviceId())).orElse(null);
            if (doctor != null && service != null && followUp(appointment, doctor, service)) {
                done++;
            }
        }
        return done;
    }

    private record Booker(PatientId patientId, UserId userId) {}

    /**
     * The patient booked for: the signed-in patient; any patient when staff of the doctor book, a
     * doctor of the same clinic routes a patient to a colleague (SPEC D10), or any doctor asks a
     * consultant in a doctor-to-doctor service (SPEC D11); otherwise whom the access module lets the
     * actor act for.
     */
    private Booker patientFor(SignedInUser actor, PatientId asked, DoctorView doctor, boolean doctorToDoctor) {
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

    /** Whether the person is a registrar of the clinic now, read from their account, not their sign-in. */
    private boolean registrarOf(SignedInUser actor, ClinicId clinic) {
        return registrarClinics(actor).contains(clinic);
    }

    private List<ClinicId> registrarClinics(SignedInUser actor) {
        return clinicsWhere(actor, Role.REGISTRAR);
    }

    /** The clinics where the person holds the role now, read from their account, not their sign-in. */
    private List<ClinicId> clinicsWhere(SignedInUser actor, Role role) {
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

    private void checkBookable(SlotView slot, Instant now) {
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

    /**
     * Patients staff may book for, by phone, SNILS or policy number (SPEC C6): a phone can lead to
     * several records.
     */
    public List<PatientCard> findPatients(SignedInUser actor, String query) {
        if (!patientRecords.isClinicStaff(actor)) {
            throw new NotFound();
        }
        return patientRecords.find(actor, query);
    }

    /**
     * Creates a record for a patient who has none, so that staff can book for them (SPEC C6).
     *
     * @throws InvalidInput naming every wrong field
     */
    public PatientCard createPatient(SignedInUser actor, PatientRecordForm form) {
        if (!patientRecords.isClinicStaff(actor)) {
            throw new NotFound();
        }
        return patientRecords.create(actor, form);
    }

    // ---------------------------------------------------------------- cancel and reschedule (C5)

    /**
     * Cancels an appointment and frees its slot at once. A cancellation by the clinic's staff tells
     * the patient so.
     *
     * @throws SchedulingRefusal {@code already-started} or {@code appointment-not-active}
     */
    @Transactional
    public AppointmentView cancel(SignedInUser actor, UUID id) {
        var appointment = appointments.lock(id).orElseThrow(NotFound::new);
        boolean patientSide = isPatientSide(actor, appointment);
        if (!patientSide && !manages(actor, appointment.doctorId())) {
            throw new NotFound();
        }
        cancelLocked(actor.userId(), id, !patientSide, clock.instant());
        return appointments.find(id).orElseThrow();
    }

    private void cancelLocked(UserId by, UUID id, boolean byClinic, Instant now) {
        var appointment = appointments.lock(id).orElseThrow(NotFound::new);
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw SchedulingRefusal.notBooked();
        }
        if (!appointment.start().isAfter(now)) {
            throw SchedulingRefusal.alreadyStarted();
        }
        appointments.cancel(id, by, byClinic, now);
        slots.release(appointment.slotId(), id);
        referrals.giveBack(id);
        events.publishEvent(new AppointmentCancelled(id, appointment.patientId(), byClinic, now));
        notices.cancelled(appointment, byClinic);
    }

    /**
     * Cancels every future appointment of a patient who closed their account (SPEC A9), in the
     * closing transaction and through the ordinary cancellation: each slot is freed, the patient is
     * told (while their contacts are still on the account) and so is the doctor. So are the future
     * appointments the closing person booked for someone they acted for (a child under 15, a FULL
     * grant, ADR 0018): nobody who booked them would be reminded or could move them any more. The
     * child's record is not closed; another parent books the child again.
     */
    @org.springframework.context.event.EventListener
    void on(org.medkarta.identity.AccountClosed closed) {
        var future = new java.util.ArrayList<AppointmentView>();
        if (closed.patient() != null) {
            future.addAll(appointments.ofPatient(closed.patient(), AppointmentStatus.BOOKED));
        }
        future.addAll(appointments.bookedForOthersBy(closed.user(), closed.patient()));
        for (var appointment : future) {
            if (appointment.start().isAfter(closed.at())) {
                cancelLocked(closed.user(), appointment.id(), false, closed.at());
                notices.cancelledByClosure(appointment);
            }
        }
    }

    /**
     * Gives back the slot of a booking whose payment never came (SPEC B8, issue 20): the payment
     * module holds a paid service's slot for a while and, when the hold lapses, calls this in the same
     * transaction as its own conditional update, so the slot is freed exactly once. Nobody cancelled
     * it, so no one is named; the event and the notice are those of a cancellation by the patient's side.
     *
     * @return whether the appointment was still booked and is now cancelled
     */
    @Transactional
    public boolean releaseUnpaid(UUID id) {
        var appointment = appointments.lock(id).orElse(null);
        if (appointment == null || appointment.status() != AppointmentStatus.BOOKED) {
            return false;
        }
        Instant now = clock.instant();
        appointments.cancel(id, null, false, now);
        slots.release(appointment.slotId(), id);
        referrals.giveBack(id);
        events.publishEvent(new AppointmentCancelled(id, appointment.patientId(), false, now));
        notices.cancelled(appointment, false);
        return true;
    }

    /**
     * Moves an appointment to another free slot of the same doctor and service in one transaction:
     * the new slot is taken and the old one freed together, or nothing changes.
     *
     * @throws SchedulingRefusal {@code slot-taken}, {@code overlapping-appointment}, {@code
     *     already-started}, {@code appointment-not-active}
     */
    @Transactional
    public AppointmentView reschedule(SignedInUser actor, UUID id, UUID slotId) {
        var seen = appointments.find(id).orElseThrow(NotFound::new);
        if (!isPatientSide(actor, seen) && !manages(actor, seen.doctorId())) {
            throw new NotFound();
        }
        if (slotId == null) {
            throw new InvalidInput("slotId", "validation.required");
        }
        locks.hold(seen.patientId().value());
        var appointment = appointments.lock(id).orElseThrow(NotFound::new);
        Instant now = clock.instant();
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw SchedulingRefusal.notBooked();
        }
        if (!appointment.start().isAfter(now)) {
            throw SchedulingRefusal.alreadyStarted();
        }
        var slot = slots.find(slotId)
                .filter(s -> s.doctorId().equals(appointment.doctorId()))
                .filter(s -> s.serviceIds().contains(appointment.serviceId()))
                .orElseThrow(() -> new InvalidInput("slotId", "scheduling.validation.other-slot"));
        if (slot.id().equals(appointment.slotId())) {
            return appointment;
        }
        checkBookable(slot, now);
        if (appointments.overlaps(appointment.patientId(), slot.start(), slot.end(), id)) {
            throw SchedulingRefusal.overlappingAppointment();
        }
        if (!slots.take(slot.id(), id)) {
            throw SchedulingRefusal.slotTaken();
        }
        slots.release(appointment.slotId(), id);
        appointments.move(id, slot, now);
        var moved = appointments.find(id).orElseThrow();
        events.publishEvent(
                new AppointmentRescheduled(id, moved.patientId(), appointment.start(), slot.start(), slot.end(), now));
        notices.rescheduled(moved);
        return moved;
    }

    boolean isPatientSide(SignedInUser actor, AppointmentView appointment) {
        return actor != null
                && (appointment.patientId().equals(actor.patientId())
                        || appointment.patientUserId().equals(actor.userId())
                        || representation.mayActFor(actor.userId(), appointment.patientId()));
    }

    // ---------------------------------------------------------------- reading appointments

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
                .filter(a -> managed.computeIfAbsent(a.doctorId(), d -> manages(actor, d)))
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

    /**
     * The id of the consultation request a telemedicine appointment opens (SPEC D1), for the booking
     * to answer with; empty for an in-person service. See {@link AppointmentBooked#consultationId()}.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> consultationOf(AppointmentView appointment) {
        return clinics.service(new ServiceId(appointment.serviceId()))
                .filter(service -> service.format().remote())
                .map(service -> AppointmentBooked.consultationIdOf(appointment.id()));
    }

    /** The people the signed-in person may book for besides themselves: children under 15, FULL grants. */
    @Transactional(readOnly = true)
    public List<Representation.Represented> representedBy(SignedInUser actor) {
        return actor == null ? List.of() : representation.representedBy(actor.userId());
    }

    /** One appointment, for its patient or the staff managing its doctor. */
    @Transactional(readOnly = true)
    public AppointmentView appointment(SignedInUser actor, UUID id) {
        var appointment = appointments.find(id).orElseThrow(NotFound::new);
        if (!mayRead(actor, appointment)) {
            throw new NotFound();
        }
        return appointment;
    }

    /** Whether the person may read the appointment: its patient, their representative, the staff managing its doctor. */
    boolean mayRead(SignedInUser actor, AppointmentView appointment) {
        return isPatientSide(actor, appointment) || manages(actor, appointment.doctorId());
    }

    // ---------------------------------------------------------------- iCalendar (C7)

    /** The appointment as an iCalendar file. */
    @Transactional(readOnly = true)
    public String ics(SignedInUser actor, UUID id) {
        return Ics.calendar(List.of(event(appointment(actor, id))), clock.instant());
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

    // ---------------------------------------------------------------- referrals

    /**
     * Issues a referral to a specialty (or one doctor of it) that the patient's next booking there
     * uses up, and tells the patient's own account about it (SPEC H2).
     */
    @Transactional
    public ReferralView issueReferral(
            PatientId patient, String specialty, DoctorId doctor, Instant validUntil, UserId issuedBy) {
        return issueReferral(patient, specialty, doctor, validUntil, issuedBy, null);
    }

    /**
     * Issues a referral as {@link #issueReferral(PatientId, String, DoctorId, Instant, UserId)} does;
     * the consultation module calls this when a doctor refers a patient. The notice goes to {@code
     * representative} (whoever booked the consultation for the patient) while they may still act for
     * the patient, otherwise to the patient's own account.
     */
    @Transactional
    public ReferralView issueReferral(
            PatientId patient,
            String specialty,
            DoctorId doctor,
            Instant validUntil,
            UserId issuedBy,
            UserId representative) {
        if (specialty == null || specialty.isBlank()) {
            throw new InvalidInput("specialty", "validation.required");
        }
        if (validUntil == null || !validUntil.isAfter(clock.instant())) {
            throw new InvalidInput("validUntil", "scheduling.validation.in-past");
        }
        var referral = new ReferralView(
                UUID.randomUUID(), patient, specialty.strip(), doctor, clock.instant(), validUntil, null, null, null);
        referrals.issue(referral, issuedBy == null ? null : issuedBy.value());
        referralNotices.issued(referral, representative);
        return referral;
    }

    @Transactional(readOnly = true)
    public List<ReferralView> referrals(PatientId patient) {
        return referrals.ofPatient(patient);
    }

    /**
     * One referral by its id, whoever's it is: for a caller that then asks the access module's policy
     * point about the referral's patient before showing it (a FHIR read), as {@link #referrals} is
     * for a caller that already did.
     */
    @Transactional(readOnly = true)
    public Optional<ReferralView> referral(UUID id) {
        return referrals.find(id);
    }

    // ---------------------------------------------------------------- reminders (C8)

    /**
     * Sends every reminder due now, each exactly once: a reminder is recorded in the same
     * transaction that queues its messages, with the appointment locked, so a cancellation in
     * between and a second node running at once both send nothing. Returns how many went out.
     */
    public int sendDueReminders() {
        int sent = 0;
        Instant now = clock.instant();
        for (Duration before : properties.reminders()) {
            String kind = "before-" + before.toMinutes() + "m";
            for (UUID id : transaction.execute(status -> appointments.dueReminders(kind, before, now, 500))) {
                Boolean done = transaction.execute(status -> appointments
                        .lock(id)
                        .filter(a -> a.status() == AppointmentStatus.BOOKED
                                && a.start().isAfter(now))
                        .filter(a -> reminders.mark(id, kind, a.start(), now))
                        .map(a -> {
                            notices.remind(a, kind, before);
                            return true;
                        })
                        .orElse(false));
                sent += Boolean.TRUE.equals(done) ? 1 : 0;
            }
        }
        return sent;
    }
}
