package org.medkarta.fhir;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Organization;
import org.medkarta.clinic.ClinicCard;

/** A clinic of the public catalogue as an Organization of type {@code prov} (healthcare provider). */
final class OrganizationTranslator {

    private OrganizationTranslator() {}

    static Organization toFhir(ClinicCard clinic) {
        var organization = new Organization();
        organization.setId(clinic.id().value().toString());
        organization
                .addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.CLINIC)
                .setValue(clinic.id().value().toString());
        organization.setActive(true);
        organization
                .addType()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/organization-type")
                .setCode("prov")
                .setDisplay("Healthcare Provider");
        organization.setName(clinic.name());
        if (clinic.phone() != null) {
            organization
                    .addTelecom()
                    .setSystem(ContactPointSystem.PHONE)
                    .setValue(clinic.phone())
                    .setUse(ContactPointUse.WORK);
        }
        if (clinic.email() != null) {
            organization
                    .addTelecom()
                    .setSystem(ContactPointSystem.EMAIL)
                    .setValue(clinic.email())
                    .setUse(ContactPointUse.WORK);
        }
        if (clinic.site() != null) {
            organization
                    .addTelecom()
                    .setSystem(ContactPointSystem.URL)
                    .setValue(clinic.site())
                    .setUse(ContactPointUse.WORK);
        }
        var address = new Address().setText(clinic.address()).setCountry("RU");
        if (clinic.region() != null) {
            address.setState(clinic.region());
        }
        organization.addAddress(address);
        return organization;
    }
}
