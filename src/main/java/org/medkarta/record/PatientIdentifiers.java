package org.medkarta.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.PolicyKind;
import org.medkarta.identity.PolicyView;
import org.medkarta.identity.RegistryIdentifiers;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Snils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record's identity section (SPEC E1, E7, F4; issue 12): sex, SNILS and the OMS policy, which
 * staff set, each change logged; SNILS and policies live in identity and only the registry of a
 * clinic caring for the patient changes them; records that share a policy number, for
 * administrators to reconcile.
 */
@Service
public class PatientIdentifiers {

    private final Patients patients;
    private final AccountDirectory identity;
    private final PatientRecords identifiers;
    private final RegistryIdentifiers registryIdentifiers;
    private final RecordFiling filing;
    private final Clock clock;

    PatientIdentifiers(
            Patients patients,
            AccountDirectory identity,
            PatientRecords identifiers,
            RegistryIdentifiers registryIdentifiers,
            RecordFiling filing,
            Clock clock) {
        this.patients = patients;
        this.identity = identity;
        this.identifiers = identifiers;
        this.registryIdentifiers = registryIdentifiers;
        this.filing = filing;
        this.clock = clock;
    }

    /** Staff set sex, SNILS (checksum-checked) and the OMS policy (SPEC E1), each change logged. */
    @Transactional
    public void changeIdentity(AccessDecision decision, SignedInUser clinician, IdentityForm form) {
        RecordRules.expectClinician(decision, clinician);
        var patient = filing.open(decision.patient());
        var errors = new FieldErrors();
        String sex = RecordRules.blankToNull(form.sex());
        if (sex != null && !Set.of("MALE", "FEMALE").contains(sex.toUpperCase(Locale.ROOT))) {
            errors.reject("sex", "record.validation.choice");
        }
        Snils snils = RecordRules.blankToNull(form.snils()) == null
                ? null
                : errors.check(() -> Snils.parse(form.snils(), "snils"));
        String oms = RecordRules.blankToNull(form.omsNumber());
        if (oms != null && !oms.replaceAll("\\s", "").matches("\\d{16}")) {
            errors.reject("omsNumber", "record.validation.oms");
        }
        LocalDate validTo = null;
        if (RecordRules.blankToNull(form.omsValidTo()) != null) {
            try {
                validTo = LocalDate.parse(form.omsValidTo().strip());
            } catch (DateTimeParseException e) {
                errors.reject("omsValidTo", "record.validation.date");
            }
        }
        String insurer = RecordRules.blankToNull(form.omsInsurer());
        if (insurer != null && insurer.length() > 200) {
            errors.reject("omsInsurer", "record.validation.too-long", 200);
        }
        errors.throwIfAny();
        String reason = RecordRules.blankToNull(form.reason());
        Instant now = clock.instant();
        var id = decision.patient();
        if (sex != null && !sex.toUpperCase(Locale.ROOT).equals(patient.sex())) {
            patients.change(
                    id,
                    "SEX",
                    "sex",
                    sex.toUpperCase(Locale.ROOT),
                    patient.sex(),
                    sex.toUpperCase(Locale.ROOT),
                    reason,
                    clinician.userId(),
                    clinician.displayName(),
                    now);
        }
        // SNILS and policies live in identity, the one place every module reads them from; the record
        // logs each change beside the others, with its author and reason (SPEC E6).
        var card = identifiers.find(id).orElseThrow(NotFound::new);
        if (snils != null && !snils.digits().equals(card.snils())) {
            registryIdentifiers.recordSnils(clinician, id, snils);
            patients.logChange(
                    id,
                    "SNILS",
                    card.snils(),
                    snils.digits(),
                    reason,
                    clinician.userId(),
                    clinician.displayName(),
                    now);
        }
        String number = oms == null ? null : oms.replaceAll("\\s", "");
        var was = card.policies().stream()
                .filter(policy -> policy.kind() == PolicyKind.OMS)
                .findFirst()
                .orElse(null);
        boolean changesNumber = number != null && (was == null || !number.equals(was.number()));
        boolean changesInsurer = insurer != null && (was == null || !insurer.equals(was.insurer()));
        boolean changesValidTo = validTo != null && (was == null || !validTo.equals(was.validTo()));
        if (was == null && number == null && (changesInsurer || changesValidTo)) {
            throw new InvalidInput("omsNumber", "validation.required");
        }
        if (changesNumber || changesInsurer || changesValidTo) {
            registryIdentifiers.recordOms(clinician, id, number, insurer, validTo);
        }
        if (changesNumber) {
            patients.logChange(
                    id,
                    "OMS_NUMBER",
                    was == null ? null : was.number(),
                    number,
                    reason,
                    clinician.userId(),
                    clinician.displayName(),
                    now);
        }
        if (changesInsurer) {
            patients.logChange(
                    id,
                    "OMS_INSURER",
                    was == null ? null : was.insurer(),
                    insurer,
                    reason,
                    clinician.userId(),
                    clinician.displayName(),
                    now);
        }
        if (changesValidTo) {
            patients.logChange(
                    id,
                    "OMS_VALID_TO",
                    was == null ? null : String.valueOf(was.validTo()),
                    validTo.toString(),
                    reason,
                    clinician.userId(),
                    clinician.displayName(),
                    now);
        }
    }
    /**
     * Whether {@code clinician} may change the SNILS and the OMS policy here: the registry of a clinic
     * caring for the patient only (SPEC F4, issue 12); a doctor sees them and the identity form
     * leaves them out.
     */
    @Transactional(readOnly = true)
    public boolean changesIdentifiers(AccessDecision decision, SignedInUser clinician) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return identifiers.keepsRegistry(clinician, decision.patient());
    }

    /**
     * The patient's SNILS and insurance policies with insurer and validity (SPEC E1), as identity
     * keeps them: the record's identity section.
     */
    @Transactional(readOnly = true)
    public RecordIdentifiers identifiers(AccessDecision decision) {
        RecordRules.expect(decision, RecordAction.VIEW);
        var card = identifiers.find(decision.patient()).orElseThrow(NotFound::new);
        return new RecordIdentifiers(
                card.snils(),
                card.policies(),
                patients.find(decision.patient()).map(Patients.Row::document).orElse(null));
    }

    /**
     * Records that share a policy number, OMS or DMS, as identity keeps them, for platform and clinic
     * administrators to reconcile (SPEC E7). A SNILS is never shared: identity refuses a second record
     * with one, naming the field. It names people across records, so only administrators may ask.
     *
     * @throws NotFound for anyone else
     */
    @Transactional(readOnly = true)
    public List<SharedIdentifier> sharedIdentifiers(SignedInUser staff) {
        if (staff == null || !(staff.has(Role.PLATFORM_ADMIN) || staff.has(Role.CLINIC_ADMIN))) {
            throw new NotFound();
        }
        var holders = new java.util.ArrayList<SharedIdentifier.Holder>();
        for (PolicyView policy : registryIdentifiers.sharedPolicies()) {
            identity.patient(policy.patientId())
                    .ifPresent(account -> holders.add(new SharedIdentifier.Holder(
                            policy.kind().name(),
                            policy.number(),
                            policy.patientId(),
                            account.lastName() + " " + account.firstName()
                                    + (account.patronymic() == null ? "" : " " + account.patronymic()),
                            account.birthDate())));
        }
        return SharedIdentifier.group(holders);
    }
}
