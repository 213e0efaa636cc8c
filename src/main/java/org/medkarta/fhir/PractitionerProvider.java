package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.medkarta.clinic.ClinicDirectory;
import org.medkarta.clinic.DoctorView;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;

/** The catalogue's active doctors as Practitioners: public, read and searched by anyone. */
@Component
class PractitionerProvider implements IResourceProvider {

    private final ClinicDirectory directory;

    PractitionerProvider(ClinicDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        return PractitionerTranslator.toFhir(directory.activeDoctor(FhirIds.parse(id, DoctorId::new)));
    }

    /**
     * {@code name} as FHIR string search over the whole name (a word of it starts with the text;
     * {@code :exact}, {@code :contains}); {@code identifier} the Medkarta doctor id, {@code
     * system|value} or the value alone.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Practitioner.SP_NAME) StringParam name,
            @OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier,
            @Offset Integer offset,
            @Count Integer count) {
        List<DoctorView> doctors = identifier != null
                ? identified(directory, identifier)
                : directory.findDoctors(null, name == null ? null : name.getValue(), null);
        var found = doctors.stream()
                .filter(doctor -> name == null || Strings.matches(name, doctor.fullName()))
                .toList();
        return DirectoryPages.of(found, offset, count, PractitionerTranslator::toFhir);
    }

    /** The active doctor a Medkarta doctor identifier names, if any. */
    static List<DoctorView> identified(ClinicDirectory directory, TokenParam identifier) {
        if (identifier.getSystem() != null && !identifier.getSystem().equals(Systems.DOCTOR)) {
            return List.of();
        }
        try {
            return List.of(directory.activeDoctor(new DoctorId(UUID.fromString(identifier.getValue()))));
        } catch (IllegalArgumentException | NullPointerException | NotFound unknown) {
            return List.of();
        }
    }
}
