package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Slot;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.DoctorSchedules;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.scheduling.SlotView;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Slots by the rules of the REST slot search ({@code /api/v1/slots}): anyone finds the free slots of
 * the services visible to them (a visitor those open to the whole region, a patient also those of
 * clinics they are attached to or hold a referral for, staff every one), within each clinic's booking
 * horizon, counted and paged in SQL. Busy and closed slots are for those who see the doctor's
 * calendar (the doctor, the clinic's staff), one schedule at a time.
 */
@Component
class SlotProvider implements IResourceProvider, PublicResource {

    /** How far a calendar (busy slots) search reaches when the client gives no end. */
    private static final Duration CALENDAR_REACH = Duration.ofDays(92);

    private final DoctorSchedules doctorSchedules;
    private final SlotSearch slotSearch;
    private final PatientScope scope;
    private final Clock clock;

    SlotProvider(DoctorSchedules doctorSchedules, SlotSearch slotSearch, PatientScope scope, Clock clock) {
        this.scope = scope;
        this.doctorSchedules = doctorSchedules;
        this.slotSearch = slotSearch;
        this.clock = clock;
    }

    @Override
    public Class<Slot> getResourceType() {
        return Slot.class;
    }

    /** A slot the caller could find: a free one their search shows, or any one of a calendar they see. */
    @Read
    public Slot read(@IdParam IdType id) {
        var slot = slotSearch.slot(FhirIds.parse(id, uuid -> uuid)).orElseThrow(NotFound::new);
        var viewer = FhirCaller.current().orElse(null);
        if (viewer != null && doctorSchedules.seesSchedule(viewer, slot.doctorId())) {
            return SlotTranslator.toFhir(slot);
        }
        var query = new SlotQuery(
                slot.doctorId(), null, null, null, slot.start(), slot.start().plusMillis(1), 1);
        return slotSearch.freeSlots(viewer, query, null, 0, 1).slots().stream()
                .filter(found -> found.slot().id().equals(slot.id()))
                .findFirst()
                .map(found -> SlotTranslator.toFhir(found.slot(), found.services()))
                .orElseThrow(NotFound::new);
    }

    /**
     * {@code schedule} the doctor's Schedule; {@code start} the slot's start (prefixes ge, gt, le, lt,
     * eq); {@code status} {@code free} (the default), {@code busy} or {@code busy-unavailable};
     * {@code service-type} a service's id; {@code specialty} a specialty code.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Slot.SP_SCHEDULE) ReferenceParam schedule,
            @OptionalParam(name = Slot.SP_START) DateRangeParam start,
            @OptionalParam(name = Slot.SP_STATUS) TokenParam status,
            @OptionalParam(name = Slot.SP_SERVICE_TYPE) TokenParam serviceType,
            @OptionalParam(name = Slot.SP_SPECIALTY) TokenParam specialty,
            @Offset Integer offset,
            @Count Integer count) {
        var viewer = FhirCaller.current().orElse(null);
        Optional<DoctorId> doctor = schedule == null ? Optional.empty() : doctor(schedule);
        Optional<UUID> service = serviceType == null ? Optional.empty() : service(serviceType);
        boolean unknownSpecialty = specialty != null
                && specialty.getSystem() != null
                && !specialty.getSystem().equals(Systems.SPECIALTY);
        if ((schedule != null && doctor.isEmpty()) || (serviceType != null && service.isEmpty()) || unknownSpecialty) {
            return page(List.of(), 0, offset, count);
        }
        var range = scope.range(start);
        if (range.isEmpty()) {
            return page(List.of(), 0, offset, count);
        }
        Instant from = range.from();
        Instant to = range.to();
        String wanted = status == null ? "free" : status.getValue();
        if (!"free".equals(wanted)) {
            return calendar(viewer, doctor, wanted, from, to, service, offset, count);
        }
        var query = new SlotQuery(
                doctor.orElse(null), specialty == null ? null : specialty.getValue(), null, null, from, to, 0);
        var found = slotSearch.freeSlots(viewer, query, service.orElse(null), Pages.offset(offset), Pages.size(count));
        return page(
                found.slots().stream()
                        .map(slot -> SlotTranslator.toFhir(slot.slot(), slot.services()))
                        .toList(),
                found.total(),
                offset,
                count);
    }

    /** Busy or closed slots of one doctor's calendar, for those who see it. */
    private IBundleProvider calendar(
            SignedInUser viewer,
            Optional<DoctorId> doctor,
            String status,
            Instant from,
            Instant to,
            Optional<UUID> service,
            Integer offset,
            Integer count) {
        if (viewer == null || doctor.isEmpty() || !doctorSchedules.seesSchedule(viewer, doctor.get())) {
            return page(List.of(), 0, offset, count);
        }
        Instant since = from == null ? clock.instant() : from;
        Instant until = to == null ? since.plus(CALENDAR_REACH) : to;
        List<SlotView> slots = doctorSchedules.calendar(viewer, doctor.get(), since, until).stream()
                .filter(slot -> SlotTranslator.status(slot.status()).toCode().equals(status))
                .filter(slot -> service.isEmpty() || slot.serviceIds().contains(service.get()))
                .toList();
        return DirectoryPages.of(slots, offset, count, SlotTranslator::toFhir);
    }

    private static IBundleProvider page(
            List<? extends IBaseResource> slots, long total, Integer offset, Integer count) {
        var page = new SimpleBundleProvider(List.copyOf(slots));
        page.setSize((int) Math.min(total, Integer.MAX_VALUE));
        page.setCurrentPageOffset(Pages.offset(offset));
        page.setCurrentPageSize(Pages.size(count));
        return page;
    }

    private static Optional<DoctorId> doctor(ReferenceParam schedule) {
        if (schedule.getResourceType() != null && !schedule.getResourceType().equals("Schedule")) {
            return Optional.empty();
        }
        try {
            return Optional.of(FhirIds.parse(schedule.getIdPart(), DoctorId::new));
        } catch (NotFound malformed) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> service(TokenParam type) {
        if (type.getSystem() != null && !type.getSystem().equals(Systems.SERVICE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(type.getValue()));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return Optional.empty();
        }
    }
}
