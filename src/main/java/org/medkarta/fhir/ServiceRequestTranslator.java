package org.medkarta.fhir;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.medkarta.clinic.Specialty;
import org.medkarta.scheduling.ReferralView;

/**
 * A referral (направление) as a ServiceRequest: a consultation with a specialty, or with one doctor
 * of it, that the patient's next booking there uses up. {@code active} while it can be used, {@code
 * completed} once a booking used it, {@code revoked} when it lapsed unused (its authority ended
 * before it was fulfilled); valid from issue to {@code validUntil} as the occurrence period.
 */
final class ServiceRequestTranslator {

    /** The code system of the resource's status. */
    static final String STATUS_SYSTEM = "http://hl7.org/fhir/request-status";

    private ServiceRequestTranslator() {}

    static String status(ReferralView referral, Instant now) {
        if (referral.cancelledAt() != null) {
            return ServiceRequestStatus.REVOKED.toCode();
        }
        if (referral.usedAt() != null) {
            return ServiceRequestStatus.COMPLETED.toCode();
        }
        return referral.validUntil().isAfter(now)
                ? ServiceRequestStatus.ACTIVE.toCode()
                : ServiceRequestStatus.REVOKED.toCode();
    }

    /** @param specialty the specialty's names, or null for a code the clinic module does not list */
    static ServiceRequest toFhir(ReferralView referral, Specialty specialty, Instant now) {
        var request = new ServiceRequest();
        request.setId(referral.id().toString());
        request.addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.REFERRAL)
                .setValue(referral.id().toString());
        request.setStatus(ServiceRequestStatus.fromCode(status(referral, now)));
        request.setIntent(ServiceRequestIntent.ORDER);
        request.addCategory(new CodeableConcept()
                .addCoding(new Coding("http://snomed.info/sct", "3457005", "Patient referral"))
                .setText("Направление"));
        String name = specialty == null ? referral.specialty() : specialty.nameRu();
        var code = new CodeableConcept().setText("Консультация: " + name);
        request.setCode(code);
        var performerType = new CodeableConcept().setText(name);
        performerType.addCoding(new Coding(Systems.SPECIALTY, referral.specialty(), name));
        request.setPerformerType(performerType);
        request.setSubject(PatientScope.patient(referral.patientId(), null));
        request.setAuthoredOn(Date.from(referral.issuedAt()));
        request.setOccurrence(
                new Period().setStart(Date.from(referral.issuedAt())).setEnd(Date.from(referral.validUntil())));
        if (referral.doctorId() != null) {
            request.addPerformer(PatientScope.practitionerRole(referral.doctorId(), null));
        }
        return request;
    }
}
