package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Component;

/** Doctors in clinics with their specialties and services, as the catalogue shows them: public. */
@Component
class PractitionerRoleProvider implements IResourceProvider, PublicResource {

    private final ClinicCatalogue directory;

    PractitionerRoleProvider(ClinicCatalogue directory) {
        this.directory = directory;
    }

    @Override
    public Class<PractitionerRole> getResourceType() {
        return PractitionerRole.class;
    }

    @Read
    public PractitionerRole read(@IdParam IdType id) {
        return toFhir(directory.activeDoctor(FhirIds.parse(id, DoctorId::new)));
    }

    /**
     * {@code practitioner} the person (a Practitioner), {@code organization} a clinic, {@code
     * specialty} a specialty code of Medkarta's dictionary ({@code system|code} or the code).
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceParam practitioner,
            @OptionalParam(name = PractitionerRole.SP_ORGANIZATION) ReferenceParam organization,
            @OptionalParam(name = PractitionerRole.SP_SPECIALTY) TokenParam specialty,
            @Offset Integer offset,
            @Count Integer count) {
        if (specialty != null
                && specialty.getSystem() != null
                && !specialty.getSystem().equals(Systems.SPECIALTY)) {
            return DirectoryPages.of(List.<DoctorView>of(), offset, count, this::toFhir);
        }
        String code = specialty == null ? null : specialty.getValue();
        List<DoctorView> found;
        if (practitioner != null) {
            boolean person = practitioner.getResourceType() == null
                    || practitioner.getResourceType().equals("Practitioner");
            found = (person ? person(practitioner.getIdPart()) : List.<DoctorView>of())
                    .stream()
                            .filter(d -> code == null
                                    || d.specialties().stream()
                                            .anyMatch(s -> s.code().equals(code)))
                            .filter(d -> organization == null
                                    || d.clinicId().value().toString().equals(organization.getIdPart()))
                            .toList();
        } else if (organization != null) {
            found = clinic(organization.getIdPart())
                    .map(clinic -> directory.findDoctors(code, null, clinic))
                    .orElse(List.of());
        } else {
            found = directory.findDoctors(code, null, null);
        }
        return DirectoryPages.of(found, offset, count, this::toFhir);
    }

    private PractitionerRole toFhir(DoctorView doctor) {
        return PractitionerRoleTranslator.toFhir(doctor, directory.servicesOf(doctor.id()));
    }

    /** The active profiles of the person a Practitioner id names. */
    private List<DoctorView> person(String id) {
        return PatientScope.uuid(id)
                .map(user -> PractitionerProvider.profiles(directory, new UserId(user)))
                .orElse(List.of());
    }

    private static Optional<ClinicId> clinic(String id) {
        try {
            return Optional.of(new ClinicId(UUID.fromString(id)));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return Optional.empty();
        }
    }
}
