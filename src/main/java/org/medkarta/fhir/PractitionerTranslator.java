package org.medkarta.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Practitioner;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.Specialty;

/**
 * A doctor of the public catalogue as a Practitioner: the person as one clinic lists them (a doctor
 * working in two clinics is two profiles, so two Practitioners), with the name and specialties the
 * catalogue shows and nothing else (no e-mail).
 */
final class PractitionerTranslator {

    private PractitionerTranslator() {}

    static Practitioner toFhir(DoctorView doctor) {
        var practitioner = new Practitioner();
        practitioner.setId(doctor.id().value().toString());
        practitioner
                .addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.DOCTOR)
                .setValue(doctor.id().value().toString());
        practitioner.setActive(doctor.active());
        var name = practitioner.addName().setUse(NameUse.OFFICIAL).setText(doctor.fullName());
        name.setFamily(doctor.lastName()).addGiven(doctor.firstName());
        if (doctor.patronymic() != null) {
            name.addGiven(doctor.patronymic());
        }
        for (var specialty : doctor.specialties()) {
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
