package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IdType;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceView;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Clinics' active services as HealthcareServices, as the catalogue lists them with their prices:
 * public. A service switched off is not in the catalogue, so it is not here either (404).
 */
@Component
class HealthcareServiceProvider implements IResourceProvider, PublicResource {

    private final ClinicCatalogue directory;

    HealthcareServiceProvider(ClinicCatalogue directory) {
        this.directory = directory;
    }

    @Override
    public Class<HealthcareService> getResourceType() {
        return HealthcareService.class;
    }

    @Read
    public HealthcareService read(@IdParam IdType id) {
        return directory
                .service(FhirIds.parse(id, ServiceId::new))
                .filter(ServiceView::active)
                .map(HealthcareServiceTranslator::toFhir)
                .orElseThrow(NotFound::new);
    }

    /**
     * {@code organization} the clinic; {@code service-type} the service's id ({@code system|code} or
     * the code); {@code name} FHIR string search over the service's name.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = HealthcareService.SP_ORGANIZATION) ReferenceParam organization,
            @OptionalParam(name = HealthcareService.SP_SERVICE_TYPE) TokenParam type,
            @OptionalParam(name = HealthcareService.SP_NAME) StringParam name,
            @Offset Integer offset,
            @Count Integer count) {
        Stream<ServiceView> services;
        if (type != null) {
            services = typed(type).stream();
        } else if (organization != null) {
            services = clinic(organization.getIdPart()).stream()
                    .flatMap(clinic -> directory.activeServices(clinic).stream());
        } else {
            services = directory.catalogue(null).stream()
                    .flatMap(clinic -> directory.activeServices(clinic.id()).stream());
        }
        var found = services.filter(service -> organization == null
                        || service.clinicId().value().toString().equals(organization.getIdPart()))
                .filter(service -> name == null || Strings.matches(name, service.name()))
                .map(HealthcareServiceTranslator::toFhir)
                .toList();
        return Pages.of(found, offset, count);
    }

    private List<ServiceView> typed(TokenParam type) {
        if (type.getSystem() != null && !type.getSystem().equals(Systems.SERVICE)) {
            return List.of();
        }
        try {
            return directory
                    .service(new ServiceId(UUID.fromString(type.getValue())))
                    .filter(ServiceView::active)
                    .stream()
                    .toList();
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return List.of();
        }
    }

    private static List<ClinicId> clinic(String id) {
        try {
            return List.of(new ClinicId(UUID.fromString(id)));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return List.of();
        }
    }
}
