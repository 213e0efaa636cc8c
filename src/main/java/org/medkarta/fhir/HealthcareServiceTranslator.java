package org.medkarta.fhir;

import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.clinic.ServiceView;

/**
 * A clinic's service as a HealthcareService, as the catalogue shows it: its name as the service type
 * (coded by the service's id), the specialty, how it is given and what it is for as characteristics,
 * who may book it, and today's price as a Medkarta extension (Money in roubles).
 */
final class HealthcareServiceTranslator {

    private HealthcareServiceTranslator() {}

    static HealthcareService toFhir(ServiceView service) {
        var healthcare = new HealthcareService();
        String id = service.id().value().toString();
        healthcare.setId(id);
        healthcare
                .addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.SERVICE)
                .setValue(id);
        healthcare.setActive(service.active());
        healthcare.setProvidedBy(
                new Reference("Organization/" + service.clinicId().value()));
        healthcare.addType(type(service));
        if (service.specialty() != null) {
            healthcare.addSpecialty(PractitionerTranslator.specialty(service.specialty()));
        }
        healthcare.setName(service.name());
        healthcare.addCharacteristic(
                code(Systems.SERVICE_FORMAT, service.format().name()));
        healthcare.addCharacteristic(code(Systems.SERVICE_KIND, service.kind().name()));
        healthcare.addCharacteristic(
                code(Systems.SERVICE_VISIBILITY, service.visibility().name()));
        healthcare.setAppointmentRequired(true);
        healthcare.addExtension(Systems.SERVICE_PRICE, price(service.priceKopecks()));
        return healthcare;
    }

    /** The service as a type that slots and appointments name: coded by its id, named as the clinic names it. */
    static CodeableConcept type(ServiceView service) {
        return type(service.id().value().toString(), service.name());
    }

    static CodeableConcept type(String id, String name) {
        var concept = new CodeableConcept().setText(name);
        concept.addCoding().setSystem(Systems.SERVICE).setCode(id).setDisplay(name);
        return concept;
    }

    static Money price(long kopecks) {
        return new Money().setValue(java.math.BigDecimal.valueOf(kopecks, 2)).setCurrency("RUB");
    }

    private static CodeableConcept code(String system, String code) {
        var concept = new CodeableConcept();
        concept.addCoding()
                .setSystem(system)
                .setCode(code.toLowerCase(Locale.ROOT).replace('_', '-'));
        return concept;
    }
}
