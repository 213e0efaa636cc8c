package org.medkarta.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.ZoneOffset;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Coverage.CoverageStatus;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.identity.PolicyKind;
import org.medkarta.identity.PolicyView;

/**
 * An OMS or DMS policy of the patient's identity data as a Coverage: the policy number as identifier
 * and subscriber id (the OMS number under the unified policy number's OID), the patient as
 * beneficiary and subscriber, the insurer as payor (by name: the record keeps no insurer register),
 * the validity as period. The type is HL7's {@code PUBLICPOL} for compulsory, {@code HIP} for
 * voluntary insurance.
 */
final class CoverageTranslator {

    /** The OMS policy is paid by the territorial fund through the insurer the patient chose. */
    private static final String UNNAMED_INSURER = "Страховая медицинская организация не указана";

    /** HL7's v3 ActCode, whose coverage types name compulsory and voluntary insurance. */
    static final String TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private CoverageTranslator() {}

    static String type(PolicyKind kind) {
        return kind == PolicyKind.OMS ? "PUBLICPOL" : "HIP";
    }

    static Coverage toFhir(PolicyView policy) {
        var coverage = new Coverage();
        coverage.setId(policy.id().toString());
        coverage.addIdentifier()
                .setUse(IdentifierUse.OFFICIAL)
                .setSystem(policy.kind() == PolicyKind.OMS ? Systems.OMS : Systems.DMS_POLICY)
                .setValue(policy.number());
        coverage.addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.POLICY)
                .setValue(policy.id().toString());
        coverage.setStatus(CoverageStatus.ACTIVE);
        var type = new CodeableConcept().setText(policy.kind() == PolicyKind.OMS ? "ОМС" : "ДМС");
        type.addCoding()
                .setSystem(TYPE_SYSTEM)
                .setCode(type(policy.kind()))
                .setDisplay(policy.kind() == PolicyKind.OMS ? "public healthcare" : "health insurance plan policy");
        coverage.setType(type);
        coverage.setSubscriberId(policy.number());
        var patient = PatientScope.patient(policy.patientId(), null);
        coverage.setSubscriber(patient.copy());
        coverage.setBeneficiary(patient);
        coverage.setRelationship(new CodeableConcept()
                .addCoding(new org.hl7.fhir.r4.model.Coding(
                        "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", "Self")));
        if (policy.validFrom() != null || policy.validTo() != null) {
            var period = new Period();
            if (policy.validFrom() != null) {
                period.setStartElement(day(policy.validFrom()));
            }
            if (policy.validTo() != null) {
                period.setEndElement(day(policy.validTo()));
            }
            coverage.setPeriod(period);
        }
        coverage.addPayor(new Reference().setDisplay(policy.insurer() != null ? policy.insurer() : UNNAMED_INSURER));
        return coverage;
    }

    private static DateTimeType day(java.time.LocalDate date) {
        return new DateTimeType(
                Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()),
                TemporalPrecisionEnum.DAY,
                java.util.TimeZone.getTimeZone(ZoneOffset.UTC));
    }
}
