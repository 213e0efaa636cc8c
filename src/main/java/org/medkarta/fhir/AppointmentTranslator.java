package org.medkarta.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.clinic.DoctorView;
import org.medkarta.scheduling.AppointmentView;

/**
 * An appointment as an Appointment: booked or cancelled (by the patient or the clinic), its slot,
 * service, patient and doctor (the person and their profile in the clinic), the complaint the patient wrote as its reason, the referral it used,
 * and its version, which a cancel or a move counts up.
 */
final class AppointmentTranslator {

    private AppointmentTranslator() {}

    /**
     * @param doctor the appointment's doctor's profile, for the person behind it; null when unknown
     */
    static Appointment toFhir(AppointmentView appointment, DoctorView doctor) {
        var fhir = new Appointment();
        String id = appointment.id().toString();
        String version = Integer.toString(appointment.version());
        fhir.setId(new IdType("Appointment", id, version));
        fhir.getMeta().setVersionId(version);
        fhir.addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.APPOINTMENT)
                .setValue(id);
        if (appointment.status() == org.medkarta.scheduling.AppointmentStatus.CANCELLED) {
            fhir.setStatus(AppointmentStatus.CANCELLED);
            var reason = new CodeableConcept();
            reason.addCoding()
                    .setSystem(Systems.CANCELLATION_REASON)
                    .setCode(appointment.cancelledByClinic() ? "prov" : "pat")
                    .setDisplay(appointment.cancelledByClinic() ? "Provider" : "Patient");
            fhir.setCancelationReason(reason);
        } else if (appointment.noShow()) {
            // The doctor marked that the patient did not come (SPEC J3).
            fhir.setStatus(AppointmentStatus.NOSHOW);
        } else {
            fhir.setStatus(AppointmentStatus.BOOKED);
        }
        fhir.addServiceType(
                HealthcareServiceTranslator.type(appointment.serviceId().toString(), null));
        if (appointment.complaint() != null) {
            fhir.addReasonCode().setText(appointment.complaint());
        }
        fhir.setStart(Date.from(appointment.start()));
        fhir.setEnd(Date.from(appointment.end()));
        if (appointment.bookedAt() != null) {
            fhir.setCreated(Date.from(appointment.bookedAt()));
        }
        fhir.addSlot(new Reference("Slot/" + appointment.slotId()));
        if (appointment.referralId() != null) {
            fhir.addBasedOn(new Reference("ServiceRequest/" + appointment.referralId()));
        }
        fhir.addParticipant()
                .setActor(new Reference("Patient/" + appointment.patientId().value()))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(ParticipationStatus.ACCEPTED);
        if (doctor != null && doctor.userId() != null) {
            fhir.addParticipant()
                    .setActor(new Reference("Practitioner/" + doctor.userId().value()).setDisplay(doctor.fullName()))
                    .setRequired(Appointment.ParticipantRequired.REQUIRED)
                    .setStatus(ParticipationStatus.ACCEPTED);
        }
        fhir.addParticipant()
                .setActor(new Reference(
                        "PractitionerRole/" + appointment.doctorId().value()))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(ParticipationStatus.ACCEPTED);
        return fhir;
    }
}
