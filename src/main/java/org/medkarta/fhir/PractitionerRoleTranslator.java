package org.medkarta.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceView;

/**
 * A doctor's profile in a clinic as a PractitionerRole: the doctor, the clinic, the specialties and
 * position, and the services they give there. Its id is the profile's (a Schedule's too); the
 * Practitioner is the person, by their account's id.
 */
final class PractitionerRoleTranslator {

    private PractitionerRoleTranslator() {}

    static PractitionerRole toFhir(DoctorView doctor, List<ServiceView> services) {
        var role = new PractitionerRole();
        String id = doctor.id().value().toString();
        role.setId(id);
        role.addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.DOCTOR)
                .setValue(id);
        role.setActive(doctor.active());
        if (doctor.userId() != null) {
            role.setPractitioner(
                    new Reference("Practitioner/" + doctor.userId().value()).setDisplay(doctor.fullName()));
        }
        role.setOrganization(
                new Reference("Organization/" + doctor.clinicId().value()).setDisplay(doctor.clinicName()));
        if (doctor.position() != null && !doctor.position().isBlank()) {
            role.addCode().setText(doctor.position());
        }
        for (var specialty : doctor.specialties()) {
            role.addSpecialty(PractitionerTranslator.specialty(specialty));
        }
        for (var service : services) {
            role.addHealthcareService(
                    new Reference("HealthcareService/" + service.id().value()).setDisplay(service.name()));
        }
        return role;
    }
}
