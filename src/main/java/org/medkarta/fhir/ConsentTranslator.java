package org.medkarta.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.access.AccessLevel;
import org.medkarta.access.GrantStatus;
import org.medkarta.access.GrantView;
import org.medkarta.clinic.PatientAcceptance;

/**
 * Two kinds of consent as Consents. A grant of access to the record (SPEC F1, F2) is a
 * privacy consent: the patient (or their legal representative) permits the grantee to access the
 * record at a level, from acceptance to revocation. A patient's acceptance of a clinic's informed
 * voluntary consent to medical intervention (ИДС, Federal Law 323-FZ art. 20; SPEC B2) is a treatment
 * consent given to that clinic, by the version of the document accepted.
 */
final class ConsentTranslator {

    private static final String SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    private static final String ACTION = "http://terminology.hl7.org/CodeSystem/consentaction";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String LOINC = "http://loinc.org";

    /** The code system of the resource's status. */
    static final String STATUS_SYSTEM = "http://hl7.org/fhir/consent-state-codes";

    private ConsentTranslator() {}

    static String status(GrantStatus status) {
        return switch (status) {
            case PENDING -> ConsentState.DRAFT.toCode();
            case INVITED -> ConsentState.PROPOSED.toCode();
            case ACTIVE -> ConsentState.ACTIVE.toCode();
            case REVOKED -> ConsentState.INACTIVE.toCode();
        };
    }

    /** The resource id of an acceptance, which the clinic module keys by patient, clinic and version. */
    static String id(PatientAcceptance acceptance) {
        return UUID.nameUUIDFromBytes(("clinic-consent|" + acceptance.patient().value() + "|"
                                + acceptance.clinic().value() + "|" + acceptance.version())
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static Consent toFhir(GrantView grant) {
        var consent = new Consent();
        consent.setId(grant.id().toString());
        consent.addIdentifier(new Identifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.ACCESS_GRANT)
                .setValue(grant.id().toString()));
        consent.setStatus(ConsentState.fromCode(status(grant.status())));
        consent.setScope(concept(SCOPE, "patient-privacy", "Privacy Consent"));
        consent.addCategory(concept(LOINC, "59284-0", "Patient Consent"));
        var patient = PatientScope.patient(grant.patientId(), null);
        consent.setPatient(patient);
        consent.setDateTime(Date.from(grant.createdAt()));
        consent.addPerformer(patient.copy());
        consent.setPolicyRule(concept(ACT_CODE, "OPTIN", "opt-in"));
        var provision = consent.getProvision().setType(ConsentProvisionType.PERMIT);
        if (grant.acceptedAt() != null || grant.revokedAt() != null) {
            provision.setPeriod(period(grant.acceptedAt(), grant.revokedAt()));
        }
        var grantee = new Reference().setDisplay(grantee(grant));
        if (grant.granteeUserId() != null) {
            grantee.setIdentifier(new Identifier()
                    .setSystem(Systems.ACCOUNT)
                    .setValue(grant.granteeUserId().value().toString()));
        }
        provision
                .addActor()
                .setRole(concept("http://terminology.hl7.org/CodeSystem/v3-RoleClass", "AGNT", "agent"))
                .setReference(grantee);
        var action = concept(ACTION, "access", "Access");
        action.addCoding(new Coding(Systems.ACCESS_LEVEL, grant.level().name(), level(grant.level())));
        provision.addAction(action);
        if (grant.level() != AccessLevel.VIEW) {
            provision.addAction(concept(ACTION, "collect", "Collect"));
        }
        return consent;
    }

    static Consent toFhir(PatientAcceptance acceptance, String document) {
        var consent = new Consent();
        consent.setId(id(acceptance));
        consent.addIdentifier(new Identifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.CLINIC_CONSENT)
                .setValue(acceptance.clinic().value() + "/" + acceptance.version()));
        consent.setStatus(ConsentState.ACTIVE);
        consent.setScope(concept(SCOPE, "treatment", "Treatment"));
        consent.addCategory(concept(LOINC, "59284-0", "Patient Consent"));
        var patient = PatientScope.patient(acceptance.patient(), null);
        consent.setPatient(patient);
        consent.setDateTime(Date.from(acceptance.acceptedAt()));
        consent.addPerformer(patient.copy());
        consent.addOrganization(PatientScope.organization(acceptance.clinic(), acceptance.clinicName()));
        consent.addPolicy().setUri(document);
        var rule = concept(ACT_CODE, "OPTIN", "opt-in");
        rule.setText(
                "Информированное добровольное согласие на медицинское вмешательство, версия " + acceptance.version());
        consent.setPolicyRule(rule);
        consent.getProvision().setType(ConsentProvisionType.PERMIT).setPeriod(period(acceptance.acceptedAt(), null));
        return consent;
    }

    private static String grantee(GrantView grant) {
        String contact = grant.granteeContact();
        if (grant.granteeName() == null || grant.granteeName().isBlank()) {
            return contact;
        }
        return contact == null ? grant.granteeName() : grant.granteeName() + " (" + contact + ")";
    }

    private static String level(AccessLevel level) {
        return switch (level) {
            case VIEW -> "View";
            case VIEW_DOWNLOAD -> "View and download";
            case FULL -> "Full: view, download, contribute and act for the patient";
        };
    }

    private static Period period(Instant start, Instant end) {
        var period = new Period();
        if (start != null) {
            period.setStart(Date.from(start));
        }
        if (end != null) {
            period.setEnd(Date.from(end));
        }
        return period;
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }
}
