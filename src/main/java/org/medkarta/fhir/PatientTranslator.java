package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.medkarta.identity.PatientCard;
import org.medkarta.identity.PolicyKind;
import org.medkarta.record.PatientHeader;
import org.medkarta.shared.PatientId;

/**
 * A patient's record as a Patient: the identity module's card (names, birth date, phone, SNILS, OMS
 * policies) for those who see it whole, or only the record's header (order 003, Appendix 1: first
 * name, patronymic, the last name's initial, sex) for a grantee. The version id is a digest of the
 * content, so it changes exactly when what a reader sees changes.
 */
final class PatientTranslator {

    private PatientTranslator() {}

    /** The whole card: for the patient, a parent and clinicians. */
    static Patient toFhir(PatientCard card, String sex) {
        var patient = base(card.patientId());
        if (card.snils() != null) {
            patient.addIdentifier()
                    .setUse(IdentifierUse.OFFICIAL)
                    .setSystem(Systems.SNILS)
                    .setValue(card.snils())
                    .getType()
                    .setText("СНИЛС");
        }
        for (var policy : card.policies()) {
            if (policy.kind() != PolicyKind.OMS) {
                continue;
            }
            var identifier = patient.addIdentifier()
                    .setUse(IdentifierUse.OFFICIAL)
                    .setSystem(Systems.OMS)
                    .setValue(policy.number());
            identifier.getType().setText("Полис ОМС");
            if (policy.validFrom() != null || policy.validTo() != null) {
                var period = new Period();
                if (policy.validFrom() != null) {
                    period.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(
                            policy.validFrom().toString()));
                }
                if (policy.validTo() != null) {
                    period.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(
                            policy.validTo().toString()));
                }
                identifier.setPeriod(period);
            }
            if (policy.insurer() != null) {
                identifier.getAssigner().setDisplay(policy.insurer());
            }
        }
        var name = patient.addName()
                .setUse(NameUse.OFFICIAL)
                .setFamily(card.lastName())
                .addGiven(card.firstName());
        if (card.patronymic() != null) {
            name.addGiven(card.patronymic());
        }
        name.setText(card.fullName());
        if (card.phone() != null) {
            patient.addTelecom()
                    .setSystem(ContactPointSystem.PHONE)
                    .setValue(card.phone())
                    .setUse(ContactPointUse.MOBILE);
        }
        gender(
                patient,
                sex != null ? sex : card.sex() == null ? null : card.sex().name());
        if (card.birthDate() != null) {
            patient.setBirthDateElement(new DateType(card.birthDate().toString()));
        }
        return versioned(patient);
    }

    /** What the patient account shows of the record, for a grantee. */
    static Patient toFhir(PatientId id, PatientHeader header) {
        var patient = base(id);
        var name = patient.addName().setUse(NameUse.USUAL);
        if (header.lastNameInitial() != null) {
            name.setFamily(header.lastNameInitial() + ".");
        }
        if (header.firstName() != null) {
            name.addGiven(header.firstName());
        }
        if (header.patronymic() != null) {
            name.addGiven(header.patronymic());
        }
        gender(patient, header.sex());
        return versioned(patient);
    }

    private static Patient base(PatientId id) {
        var patient = new Patient();
        patient.setId(id.value().toString());
        patient.addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.PATIENT)
                .setValue(id.value().toString());
        patient.setActive(true);
        return patient;
    }

    /** Sex as the record holds it; nothing when it is not recorded. */
    private static void gender(Patient patient, String sex) {
        if ("MALE".equals(sex)) {
            patient.setGender(AdministrativeGender.MALE);
        } else if ("FEMALE".equals(sex)) {
            patient.setGender(AdministrativeGender.FEMALE);
        }
    }

    /** Sets {@code meta.versionId} (and so the ETag) to a digest of everything else. */
    private static Patient versioned(Patient patient) {
        String content = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(patient);
        String version = digest(content);
        patient.setIdElement(new IdType("Patient", patient.getIdElement().getIdPart(), version));
        patient.getMeta().setVersionId(version);
        return patient;
    }

    static String digest(String content) {
        try {
            var sha = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
