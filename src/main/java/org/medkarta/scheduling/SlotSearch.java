package org.medkarta.scheduling;

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
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.identity.PatientRegions;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding a free slot (SPEC C3, B5): free slots by specialty, doctor, clinic, date range and format,
 * nearest first, honouring the visibility of each doctor's service for the person asking (the
 * region, attachment to the clinic, a referral held) and each clinic's booking horizon; the free
 * days of the booking calendar; FHIR's paged Slot search; and the doctors, specialties and zones the
 * booking pages name.
 */
@Service
public class SlotSearch {

    private static final int SEARCH_LIMIT = 500;

    private final Slots slots;
    private final Referrals referrals;
    private final ClinicSettings settings;
    private final ClinicCatalogue clinics;
    private final PatientAttachments patientAttachments;
    private final PatientRegions patientRegions;
    private final SchedulingProperties properties;
    private final Clock clock;

    SlotSearch(
            Slots slots,
            Referrals referrals,
            ClinicSettings settings,
            ClinicCatalogue clinics,
            PatientAttachments patientAttachments,
            PatientRegions patientRegions,
            SchedulingProperties properties,
            Clock clock) {
        this.slots = slots;
        this.referrals = referrals;
        this.settings = settings;
        this.clinics = clinics;
        this.patientAttachments = patientAttachments;
        this.patientRegions = patientRegions;
        this.properties = properties;
        this.clock = clock;
    }

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
            found.add(new FreeSlotPage.Slot(
                    slot, offered(slot, visible.offers().get(slot.doctorId().value()), service)));
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
            offered.addAll(offered(slot, offers.get(slot.doctorId().value()), null));
        }
        return new SearchPage(offered, free.size());
    }

    /** The slot as each service the viewer may book in it offers it ({@code onlyService}: that one alone). */
    private static List<OfferedSlot> offered(SlotView slot, Map<UUID, BookableService> given, UUID onlyService) {
        var offered = new ArrayList<OfferedSlot>();
        for (UUID serviceId : slot.serviceIds()) {
            var offer = given.get(serviceId);
            if (offer != null && (onlyService == null || onlyService.equals(serviceId))) {
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
        return offered;
    }

    /** A slot, for the booking page. */
    @Transactional(readOnly = true)
    public Optional<SlotView> slot(UUID slot) {
        return slots.find(slot);
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
}
