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
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;
import org.medkarta.clinic.DoctorView;
import org.medkarta.scheduling.Scheduling;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Doctors' bookable calendars as Schedules: public like the catalogue, one per active doctor's
 * profile, planned from now to the clinic's booking horizon. Their slots are {@link SlotProvider}'s.
 */
@Component
class ScheduleProvider implements IResourceProvider {

    private final Scheduling scheduling;
    private final Clock clock;

    ScheduleProvider(Scheduling scheduling, Clock clock) {
        this.scheduling = scheduling;
        this.clock = clock;
    }

    @Override
    public Class<Schedule> getResourceType() {
        return Schedule.class;
    }

    @Read
    public Schedule read(@IdParam IdType id) {
        return scheduling
                .doctor(FhirIds.parse(id, DoctorId::new))
                .filter(DoctorView::active)
                .map(this::toFhir)
                .orElseThrow(NotFound::new);
    }

    /**
     * {@code actor} the doctor, as {@code Practitioner/id} or {@code PractitionerRole/id} (the same
     * id); {@code date} the planning horizon overlaps the range (prefixes ge, gt, le, lt, eq).
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Schedule.SP_ACTOR) ReferenceParam actor,
            @OptionalParam(name = Schedule.SP_DATE) DateRangeParam date,
            @Offset Integer offset,
            @Count Integer count) {
        List<DoctorView> doctors;
        if (actor != null) {
            doctors = doctor(actor).stream().toList();
        } else {
            doctors = scheduling.doctors(null, null);
        }
        var found = doctors.stream().filter(doctor -> overlaps(doctor, date)).toList();
        return DirectoryPages.of(found, offset, count, this::toFhir);
    }

    private java.util.Optional<DoctorView> doctor(ReferenceParam actor) {
        String type = actor.getResourceType();
        if (type != null && !type.equals("Practitioner") && !type.equals("PractitionerRole")) {
            return java.util.Optional.empty();
        }
        try {
            return scheduling
                    .doctor(FhirIds.parse(actor.getIdPart(), DoctorId::new))
                    .filter(DoctorView::active);
        } catch (NotFound malformed) {
            return java.util.Optional.empty();
        }
    }

    private boolean overlaps(DoctorView doctor, DateRangeParam date) {
        if (date == null) {
            return true;
        }
        Instant from = clock.instant();
        Instant until = horizon(doctor, from);
        var lower = date.getLowerBoundAsInstant();
        var upper = date.getUpperBoundAsInstant();
        return (lower == null || !lower.toInstant().isAfter(until))
                && (upper == null || !upper.toInstant().isBefore(from));
    }

    private Instant horizon(DoctorView doctor, Instant from) {
        return from.plus(Duration.ofDays(scheduling.horizonDays(doctor.clinicId())));
    }

    private Schedule toFhir(DoctorView doctor) {
        Instant from = clock.instant();
        return ScheduleTranslator.toFhir(doctor, scheduling.servicesOf(doctor.id()), from, horizon(doctor, from));
    }
}
