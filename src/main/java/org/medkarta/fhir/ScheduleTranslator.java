package org.medkarta.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceView;

/**
 * A doctor's bookable calendar as a Schedule: one per doctor's profile in a clinic (the same id as
 * the PractitionerRole; the Practitioner is the person), its services and specialties, and the horizon over which
 * the clinic opens booking.
 */
final class ScheduleTranslator {

    private ScheduleTranslator() {}

    static Schedule toFhir(DoctorView doctor, List<ServiceView> services, Instant from, Instant until) {
        var schedule = new Schedule();
        String id = doctor.id().value().toString();
        schedule.setId(id);
        schedule.addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.DOCTOR)
                .setValue(id);
        schedule.setActive(doctor.active());
        for (var service : services) {
            schedule.addServiceType(HealthcareServiceTranslator.type(service));
        }
        for (var specialty : doctor.specialties()) {
            schedule.addSpecialty(PractitionerTranslator.specialty(specialty));
        }
        schedule.addActor(new Reference("PractitionerRole/" + id).setDisplay(doctor.fullName()));
        if (doctor.userId() != null) {
            schedule.addActor(new Reference("Practitioner/" + doctor.userId().value()).setDisplay(doctor.fullName()));
        }
        schedule.setPlanningHorizon(new Period().setStart(Date.from(from)).setEnd(Date.from(until)));
        return schedule;
    }
}
