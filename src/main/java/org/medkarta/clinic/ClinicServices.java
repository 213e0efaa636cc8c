package org.medkarta.clinic;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's service types and their prices (SPEC B4, B5): adding and changing services with their
 * format, kind, duration, price, doctors and visibility, each price change kept with who made it,
 * and what a service cost at an instant. Only the clinic's administrators change or list its
 * services here; the public lists are {@link ClinicCatalogue}'s.
 */
@Service
public class ClinicServices {

    private final Services services;
    private final Doctors doctors;
    private final Specialties specialties;
    private final AccountDirectory identity;
    private final ClinicAccess access;
    private final Clock clock;

    ClinicServices(
            Services services,
            Doctors doctors,
            Specialties specialties,
            AccountDirectory identity,
            ClinicAccess access,
            Clock clock) {
        this.services = services;
        this.doctors = doctors;
        this.specialties = specialties;
        this.identity = identity;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public ServiceView addService(SignedInUser actor, ClinicId clinic, ServiceForm form) {
        access.administer(actor, clinic);
        var row = serviceRow(clinic, form);
        var id = new ServiceId(UUID.randomUUID());
        services.insert(id, clinic, row, clock.instant());
        return services.find(id).orElseThrow();
    }

    @Transactional
    public ServiceView updateService(SignedInUser actor, ClinicId clinic, ServiceId service, ServiceForm form) {
        access.administer(actor, clinic);
        var before =
                services.find(service).filter(s -> s.clinicId().equals(clinic)).orElseThrow(NotFound::new);
        var row = serviceRow(clinic, form);
        services.update(service, row);
        if (row.priceKopecks() != before.priceKopecks()) {
            services.priceChanged(
                    service,
                    before.priceKopecks(),
                    row.priceKopecks(),
                    clock.instant(),
                    actor.userId().value());
        }
        return services.find(service).orElseThrow();
    }

    /** One service of the clinic, inactive too, for its administrators; another clinic's is not found. */
    @Transactional(readOnly = true)
    public ServiceView serviceOf(SignedInUser actor, ClinicId clinic, ServiceId service) {
        access.administer(actor, clinic);
        return services.find(service).filter(s -> s.clinicId().equals(clinic)).orElseThrow(NotFound::new);
    }

    /** The changes of a service's price, newest first, with who made them; for its administrators. */
    @Transactional(readOnly = true)
    public List<PriceChange> priceChanges(SignedInUser actor, ClinicId clinic, ServiceId service) {
        serviceOf(actor, clinic, service);
        return services.priceChanges(service).stream()
                .map(row -> {
                    var by = new UserId((UUID) row[3]);
                    String name = identity.account(by)
                            .map(a -> a.lastName() + " " + a.firstName())
                            .orElse("");
                    return new PriceChange((Long) row[0], (Long) row[1], (Instant) row[2], by, name);
                })
                .toList();
    }

    /**
     * What a service cost at an instant, such as when an appointment was booked: a later change of
     * the price does not change what the patient agreed to pay.
     */
    @Transactional(readOnly = true)
    public long priceAt(ServiceId service, Instant at) {
        return services.priceBefore(service, at)
                .orElseGet(() ->
                        services.find(service).map(ServiceView::priceKopecks).orElse(0L));
    }

    /** Every service of a clinic, inactive ones too, for its administrators. */
    @Transactional(readOnly = true)
    public List<ServiceView> servicesOf(SignedInUser actor, ClinicId clinic) {
        access.administer(actor, clinic);
        return services.ofClinic(clinic);
    }

    private Services.Row serviceRow(ClinicId clinic, ServiceForm form) {
        var errors = new FieldErrors();
        String name = Fields.text(form.name(), "name", 300, true, errors);
        String specialty = Fields.text(form.specialty(), "specialty", 40, true, errors);
        if (specialty != null && specialties.find(specialty).isEmpty()) {
            errors.reject("specialty", "clinic.validation.specialty");
        }
        var format = Fields.choice(ServiceFormat.class, form.format(), "format", true, null, errors);
        var kind = Fields.choice(ServiceKind.class, form.kind(), "kind", true, null, errors);
        Integer duration = form.durationMinutes();
        if (duration == null) {
            errors.reject("durationMinutes", "validation.required");
        } else if (duration < 5 || duration > 480) {
            errors.reject("durationMinutes", "clinic.validation.duration");
        }
        Long price = form.priceKopecks();
        if (price == null) {
            errors.reject("priceKopecks", "validation.required");
        } else if (price < 0 || price > 100_000_000_00L) {
            errors.reject("priceKopecks", "clinic.validation.price");
        }
        var doctorIds = new ArrayList<UUID>();
        for (String text : form.doctorIds() == null ? List.<String>of() : form.doctorIds()) {
            DoctorId id = errors.check(() -> DoctorId.of(text));
            if (id != null && !doctorIds.contains(id.value())) {
                doctorIds.add(id.value());
            }
        }
        // A doctor of another clinic reads as unknown: a service never links across clinics.
        if (!doctors.ofClinicAmong(clinic, doctorIds).containsAll(doctorIds)) {
            errors.reject("doctorIds", "clinic.validation.doctor-unknown");
        }
        var visibility =
                Fields.choice(Visibility.class, form.visibility(), "visibility", false, Visibility.REGION, errors);
        errors.throwIfAny();
        return new Services.Row(
                name,
                specialty,
                format,
                kind,
                duration,
                price,
                doctorIds,
                visibility,
                form.active() == null || form.active());
    }
}
