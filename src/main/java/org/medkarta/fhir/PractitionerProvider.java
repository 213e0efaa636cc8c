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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * The catalogue's active doctors as Practitioners, one per person (account): public, read and
 * searched by anyone. A person with no active doctor's profile is not here (404).
 */
@Component
class PractitionerProvider implements IResourceProvider, PublicResource {

    private final ClinicCatalogue directory;

    PractitionerProvider(ClinicCatalogue directory) {
        this.directory = directory;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        var profiles = profiles(directory, FhirIds.parse(id, UserId::new));
        if (profiles.isEmpty()) {
            throw new NotFound();
        }
        return PractitionerTranslator.toFhir(profiles);
    }

    /**
     * {@code name} as FHIR string search over the whole name (a word of it starts with the text;
     * {@code :exact}, {@code :contains}); {@code identifier} a Medkarta practitioner (account) or
     * doctor (profile) id, {@code system|value} or the value alone.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Practitioner.SP_NAME) StringParam name,
            @OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier,
            @Offset Integer offset,
            @Count Integer count) {
        List<DoctorView> found = identifier != null
                ? identified(identifier)
                : directory.findDoctors(null, name == null ? null : name.getValue(), null);
        var people = new LinkedHashMap<UserId, List<DoctorView>>();
        found.stream()
                .filter(doctor -> doctor.userId() != null)
                .filter(doctor -> name == null || Strings.matches(name, doctor.fullName()))
                .forEach(doctor -> people.computeIfAbsent(doctor.userId(), user -> profiles(directory, user)));
        var listed = people.values().stream().filter(list -> !list.isEmpty()).toList();
        return DirectoryPages.of(listed, offset, count, PractitionerTranslator::toFhir);
    }

    /** The person's active profiles, the catalogue's order. */
    static List<DoctorView> profiles(ClinicCatalogue directory, UserId user) {
        return directory.profilesOf(user).stream().filter(DoctorView::active).toList();
    }

    private List<DoctorView> identified(TokenParam identifier) {
        String system = identifier.getSystem();
        var id = PatientScope.uuid(identifier.getValue());
        if (id.isEmpty()) {
            return List.of();
        }
        var found = new java.util.ArrayList<DoctorView>();
        if (system == null || system.equals(Systems.PRACTITIONER)) {
            found.addAll(profiles(directory, new UserId(id.get())));
        }
        if (system == null || system.equals(Systems.DOCTOR)) {
            doctor(new DoctorId(id.get())).ifPresent(found::add);
        }
        return found;
    }

    private Optional<DoctorView> doctor(DoctorId id) {
        try {
            return Optional.of(directory.activeDoctor(id));
        } catch (NotFound unknown) {
            return Optional.empty();
        }
    }
}
