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
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.scheduling.DoctorSchedules;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * Doctors' bookable calendars as Schedules: public like the catalogue, one per active doctor's
 * profile, planned from now to the clinic's booking horizon. Their slots are {@link SlotProvider}'s.
 */
@Component
class ScheduleProvider implements IResourceProvider, PublicResource {

    private final ScheduleTemplates scheduleTemplates;
    private final DoctorSchedules doctorSchedules;
    private final SlotSearch slotSearch;
    private final ClinicCatalogue directory;
    private final PatientScope scope;
    private final Clock clock;

    ScheduleProvider(
            ScheduleTemplates scheduleTemplates,
            DoctorSchedules doctorSchedules,
            SlotSearch slotSearch,
            ClinicCatalogue directory,
            PatientScope scope,
            Clock clock) {
        this.scope = scope;
        this.scheduleTemplates = scheduleTemplates;
        this.doctorSchedules = doctorSchedules;
        this.slotSearch = slotSearch;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Class<Schedule> getResourceType() {
        return Schedule.class;
    }

    @Read
    public Schedule read(@IdParam IdType id) {
        return slotSearch
                .doctor(FhirIds.parse(id, DoctorId::new))
                .filter(DoctorView::active)
                .map(this::toFhir)
                .orElseThrow(NotFound::new);
    }

    /**
     * {@code actor} the doctor's profile ({@code PractitionerRole/id}, the Schedule's id) or the
     * person ({@code Practitioner/id}, every profile); {@code date} the planning horizon overlaps the range (prefixes ge, gt, le, lt, eq).
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Schedule.SP_ACTOR) ReferenceParam actor,
            @OptionalParam(name = Schedule.SP_DATE) DateRangeParam date,
            @Offset Integer offset,
            @Count Integer count) {
        List<DoctorView> doctors;
        if (actor != null) {
            doctors = doctors(actor);
        } else {
            doctors = slotSearch.doctors(null, null);
        }
        var range = scope.range(date);
        var found = doctors.stream().filter(doctor -> overlaps(doctor, range)).toList();
        return DirectoryPages.of(found, offset, count, this::toFhir);
    }

    /**
     * The active profiles an actor names: {@code PractitionerRole/id} one profile, {@code
     * Practitioner/id} every profile of the person; a bare id either.
     */
    private List<DoctorView> doctors(ReferenceParam actor) {
        String type = actor.getResourceType();
        var id = PatientScope.uuid(actor.getIdPart());
        if (id.isEmpty()) {
            return List.of();
        }
        var found = new ArrayList<DoctorView>();
        if (type == null || type.equals("PractitionerRole")) {
            slotSearch.doctor(new DoctorId(id.get())).filter(DoctorView::active).ifPresent(found::add);
        }
        if (type == null || type.equals("Practitioner")) {
            found.addAll(PractitionerProvider.profiles(directory, new UserId(id.get())));
        }
        return found;
    }

    private boolean overlaps(DoctorView doctor, PatientScope.Range range) {
        Instant from = clock.instant();
        Instant until = horizon(doctor, from);
        return (range.from() == null || range.from().isBefore(until))
                && (range.to() == null || range.to().isAfter(from));
    }

    private Instant horizon(DoctorView doctor, Instant from) {
        return from.plus(Duration.ofDays(doctorSchedules.horizonDays(doctor.clinicId())));
    }

    private Schedule toFhir(DoctorView doctor) {
        Instant from = clock.instant();
        return ScheduleTranslator.toFhir(
                doctor, scheduleTemplates.servicesOf(doctor.id()), from, horizon(doctor, from));
    }
}
