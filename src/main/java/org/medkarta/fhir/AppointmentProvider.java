package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentChanges;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.AppointmentStatus;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.DoctorSchedules;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Appointments for their patient (and whom the access module lets act for the patient) and the staff
 * managing the doctor, as the REST API gives them. Creating one is a booking through {@link
 * Booking#book} with every rule of SPEC C4; an update to {@code status=cancelled} or {@code
 * $cancel} cancels it, an update naming another slot moves it. {@code If-Match} must name the current
 * version, else 412.
 */
@Component
class AppointmentProvider implements IResourceProvider {

    /** The search's reach in time when {@code date} leaves a side open (a doctor's appointments). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final DoctorSchedules doctorSchedules;
    private final SlotSearch slotSearch;
    private final Booking booking;
    private final AppointmentChanges appointmentChanges;
    private final AppointmentReading appointmentReading;
    private final ClinicCatalogue directory;
    private final PatientScope scope;
    private final MessageSource messages;
    private final LocaleResolver locales;

    AppointmentProvider(
            DoctorSchedules doctorSchedules,
            SlotSearch slotSearch,
            Booking booking,
            AppointmentChanges appointmentChanges,
            AppointmentReading appointmentReading,
            ClinicCatalogue directory,
            PatientScope scope,
            MessageSource messages,
            LocaleResolver locales) {
        this.doctorSchedules = doctorSchedules;
        this.slotSearch = slotSearch;
        this.booking = booking;
        this.appointmentChanges = appointmentChanges;
        this.appointmentReading = appointmentReading;
        this.directory = directory;
        this.scope = scope;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public Class<Appointment> getResourceType() {
        return Appointment.class;
    }

    @Read
    public Appointment read(@IdParam IdType id) {
        return toFhir(appointmentReading.appointment(FhirCaller.required(), uuid(id)));
    }

    /**
     * {@code patient} a patient whose appointments the caller may see (the caller's own when absent);
     * {@code practitioner} the doctor as a person ({@code Practitioner/id}), alone for the staff who
     * see the doctor's calendar (booked appointments); {@code date} the start (prefixes ge, gt, le, lt, eq); {@code status} {@code
     * booked} or {@code cancelled}. Latest first for a patient, earliest first for a doctor.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Appointment.SP_PRACTITIONER) ReferenceParam practitioner,
            @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Appointment.SP_STATUS) TokenParam status,
            @Offset Integer offset,
            @Count Integer count) {
        var actor = FhirCaller.required();
        Optional<PatientId> whose = patient == null ? Optional.empty() : PatientScope.patientOf(patient);
        Set<DoctorId> doctors = practitioner == null ? Set.of() : doctorsOf(practitioner);
        Optional<AppointmentStatus> wanted = status == null ? Optional.empty() : status(status);
        var range = scope.range(date);
        if ((patient != null && whose.isEmpty())
                || (practitioner != null && doctors.isEmpty())
                || (status != null && wanted.isEmpty())
                || range.isEmpty()) {
            return DirectoryPages.of(List.<AppointmentView>of(), offset, count, this::toFhir);
        }
        List<AppointmentView> found;
        if (patient == null && practitioner != null) {
            Instant from = range.from() == null ? EARLIEST : range.from();
            Instant to = range.to() == null ? LATEST : range.to();
            found = doctors.stream()
                    .filter(doctor -> doctorSchedules.seesSchedule(actor, doctor))
                    .flatMap(doctor -> doctorSchedules.doctorAppointments(actor, doctor, from, to).stream())
                    .sorted(Comparator.comparing(AppointmentView::start))
                    .toList();
        } else {
            found = appointmentReading.appointments(actor, whose.orElse(null), wanted.orElse(null));
        }
        var kept = found.stream()
                .filter(a -> wanted.isEmpty() || a.status() == wanted.get())
                .filter(a -> practitioner == null || doctors.contains(a.doctorId()))
                .filter(a -> range.contains(a.start()))
                .toList();
        return DirectoryPages.of(kept, offset, count, this::toFhir);
    }

    /**
     * A booking: {@code slot} the free slot, {@code serviceType} the service (a {@code
     * https://medkarta.org/fhir/sid/service} code; may be left out when the slot offers one), a
     * {@code Patient} participant when booking for someone else, {@code basedOn} a referral to use,
     * {@code reasonCode.text} the complaint, and the {@code accept-clinic-documents} extension when
     * the patient accepts the clinic's offer and consent with it.
     */
    @Create
    public MethodOutcome create(@ResourceParam Appointment appointment, HttpServletRequest request) {
        var actor = FhirCaller.required();
        var booking = new BookingRequest(
                referenced(appointment.getSlotFirstRep(), "Slot"),
                appointment.getParticipant().stream()
                        .map(Appointment.AppointmentParticipantComponent::getActor)
                        .filter(actorOf ->
                                "Patient".equals(actorOf.getReferenceElement().getResourceType()))
                        .findFirst()
                        .map(reference -> FhirIds.parse(reference.getReferenceElement(), PatientId::new))
                        .orElse(null),
                serviceOf(appointment),
                appointment.getBasedOn().isEmpty()
                        ? null
                        : referenced(appointment.getBasedOnFirstRep(), "ServiceRequest"),
                appointment.getReasonCode().isEmpty()
                        ? null
                        : appointment.getReasonCodeFirstRep().getText(),
                accepts(appointment));
        var booked = this.booking.book(actor, booking, request.getRemoteAddr());
        var created = toFhir(booked);
        var outcome = new MethodOutcome(created.getIdElement(), true);
        outcome.setResource(created);
        return outcome;
    }

    /** {@code status=cancelled} cancels, another {@code slot} moves; nothing else may change. */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Appointment changed, HttpServletRequest request) {
        var actor = FhirCaller.required();
        var current = current(actor, id, id.getVersionIdPart(), request);
        AppointmentView result;
        UUID slot = changed.getSlot().isEmpty() ? current.slotId() : referenced(changed.getSlotFirstRep(), "Slot");
        if (changed.getStatus() == Appointment.AppointmentStatus.CANCELLED
                && current.status() == AppointmentStatus.BOOKED) {
            result = appointmentChanges.cancel(actor, current.id());
        } else if (changed.getStatus() == Appointment.AppointmentStatus.BOOKED && !slot.equals(current.slotId())) {
            result = appointmentChanges.reschedule(actor, current.id(), slot);
        } else if (changed.getStatus()
                        == AppointmentTranslator.toFhir(current, null).getStatus()
                && slot.equals(current.slotId())) {
            result = current;
        } else {
            throw FhirErrors.failure(
                    422,
                    IssueType.BUSINESSRULE,
                    messages.getMessage("fhir.appointment.unsupported-change", null, locales.resolveLocale(request)),
                    "unsupported-change");
        }
        var updated = toFhir(result);
        var outcome = new MethodOutcome(updated.getIdElement());
        outcome.setResource(updated);
        return outcome;
    }

    /** {@code POST Appointment/id/$cancel}: cancels the appointment as the REST API's cancel does. */
    @Operation(name = "$cancel", idempotent = false)
    public Appointment cancel(@IdParam IdType id, HttpServletRequest request) {
        var actor = FhirCaller.required();
        var current = current(actor, id, ifMatch(request), request);
        return toFhir(appointmentChanges.cancel(actor, current.id()));
    }

    /** The appointment as the caller may see it, at the version {@code expected} names when given. */
    private AppointmentView current(SignedInUser actor, IIdType id, String expected, HttpServletRequest request) {
        var current = appointmentReading.appointment(actor, uuid(id));
        if (expected != null && !expected.equals(Integer.toString(current.version()))) {
            String text = messages.getMessage(
                    "fhir.appointment.version-conflict",
                    new Object[] {current.version(), expected},
                    locales.resolveLocale(request));
            throw FhirErrors.failure(412, IssueType.CONFLICT, text, "version-conflict");
        }
        return current;
    }

    /** The version an {@code If-Match} header names ({@code W/"2"} or {@code "2"}), if any. */
    private static String ifMatch(HttpServletRequest request) {
        String header = request.getHeader("If-Match");
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.replace("\"", "");
    }

    private static UUID uuid(IIdType id) {
        return FhirIds.parse(id, uuid -> uuid);
    }

    /** The id a reference to a resource of {@code type} names; a reference to anything else names nothing. */
    private static UUID referenced(Reference reference, String type) {
        var element = reference.getReferenceElement();
        if (element.isEmpty() || element.getIdPart() == null) {
            return null;
        }
        if (element.getResourceType() != null && !element.getResourceType().equals(type)) {
            throw new NotFound();
        }
        return FhirIds.parse(element.getIdPart(), uuid -> uuid);
    }

    private static UUID serviceOf(Appointment appointment) {
        return appointment.getServiceType().stream()
                .flatMap(type -> type.getCoding().stream())
                .filter(coding -> Systems.SERVICE.equals(coding.getSystem()))
                .findFirst()
                .map(coding -> FhirIds.parse(coding.getCode(), uuid -> uuid))
                .orElse(null);
    }

    private static boolean accepts(Appointment appointment) {
        var extension = appointment.getExtensionByUrl(Systems.ACCEPT_CLINIC_DOCUMENTS);
        return extension != null && extension.getValue() instanceof BooleanType accepted && accepted.booleanValue();
    }

    /** The profiles of the person a {@code practitioner} reference names ({@code Practitioner/id}). */
    private Set<DoctorId> doctorsOf(ReferenceParam practitioner) {
        String type = practitioner.getResourceType();
        if (practitioner.hasChain() || (type != null && !type.equals("Practitioner"))) {
            return Set.of();
        }
        return PatientScope.uuid(practitioner.getIdPart())
                .map(user -> directory.profilesOf(new UserId(user)).stream()
                        .map(DoctorView::id)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private Appointment toFhir(AppointmentView appointment) {
        return AppointmentTranslator.toFhir(
                appointment, slotSearch.doctor(appointment.doctorId()).orElse(null));
    }

    private static Optional<AppointmentStatus> status(TokenParam status) {
        return switch (status.getValue() == null ? "" : status.getValue()) {
            case "booked" -> Optional.of(AppointmentStatus.BOOKED);
            case "cancelled" -> Optional.of(AppointmentStatus.CANCELLED);
            default -> Optional.empty();
        };
    }
}
