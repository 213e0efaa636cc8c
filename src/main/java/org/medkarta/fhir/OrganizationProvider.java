package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.medkarta.clinic.ClinicCard;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.shared.ClinicId;
import org.springframework.stereotype.Component;

/** Clinics as Organizations: public like the catalogue pages, read and searched by anyone. */
@Component
class OrganizationProvider implements IResourceProvider, PublicResource {

    private final ClinicCatalogue directory;

    OrganizationProvider(ClinicCatalogue directory) {
        this.directory = directory;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id) {
        return OrganizationTranslator.toFhir(directory.card(FhirIds.parse(id, ClinicId::new)));
    }

    /**
     * {@code name} as FHIR string search: starts a word of the name, case-insensitive ({@code :exact}
     * the whole name, {@code :contains} anywhere); {@code address-state} the region code.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Organization.SP_NAME) StringParam name,
            @OptionalParam(name = Organization.SP_ADDRESS_STATE) StringParam state,
            @Offset Integer offset,
            @Count Integer count) {
        var found = directory.catalogue(state == null ? null : state.getValue()).stream()
                .filter(clinic -> name == null || matches(name, clinic))
                .map(OrganizationTranslator::toFhir)
                .toList();
        return Pages.of(found, offset, count);
    }

    private static boolean matches(StringParam wanted, ClinicCard clinic) {
        return Strings.matches(wanted, clinic.name());
    }
}
