package org.medkarta.fhir;

import java.util.LinkedHashMap;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Practitioner;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.Specialty;

/**
 * A doctor of the public catalogue as a Practitioner: the person (their account's id, as {@link
 * PatientScope#practitioner} references clinicians), named as their first profile names them, with
 * the specialties of every active profile and nothing the catalogue does not show (no e-mail). Each
 * profile in a clinic is a PractitionerRole.
 */
final class PractitionerTranslator {

    private PractitionerTranslator() {}

    /** The person behind one or more active profiles of the same account. */
    static Practitioner toFhir(List<DoctorView> profiles) {
        var first = profiles.get(0);
        var practitioner = new Practitioner();
        String id = first.userId().value().toString();
        practitioner.setId(id);
        practitioner
                .addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.PRACTITIONER)
                .setValue(id);
        for (var profile : profiles) {
            practitioner
                    .addIdentifier()
                    .setUse(IdentifierUse.SECONDARY)
                    .setSystem(Systems.DOCTOR)
                    .setValue(profile.id().value().toString());
        }
        practitioner.setActive(true);
        var name = practitioner.addName().setUse(NameUse.OFFICIAL).setText(first.fullName());
        name.setFamily(first.lastName()).addGiven(first.firstName());
        if (first.patronymic() != null) {
            name.addGiven(first.patronymic());
        }
        var specialties = new LinkedHashMap<String, Specialty>();
        profiles.forEach(profile -> profile.specialties().forEach(s -> specialties.putIfAbsent(s.code(), s)));
        for (var specialty : specialties.values()) {
            practitioner.addQualification().setCode(specialty(specialty));
        }
        return practitioner;
    }

    /** A specialty of Medkarta's dictionary, named in Russian as the catalogue names it. */
    static CodeableConcept specialty(Specialty specialty) {
        var concept = new CodeableConcept().setText(specialty.nameRu());
        concept.addCoding()
                .setSystem(Systems.SPECIALTY)
                .setCode(specialty.code())
                .setDisplay(specialty.nameRu());
        return concept;
    }
}
