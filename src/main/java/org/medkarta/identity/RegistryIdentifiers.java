package org.medkarta.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Snils;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identifiers the registry keeps for a patient (SPEC C6, E1, F4; seed 001): SNILS and the OMS and
 * DMS insurance policies, read by the patient and by staff of a clinic caring for them, changed by the
 * patient and that clinic's registry (registrars and clinic administrators) only. Anyone else gets
 * {@link NotFound}; every read and change is recorded for the audit trail.
 *
 * <p>OMS numbers are checked for their form only, the 16 digits of the unified policy number: the
 * algorithm of its check digit was not at hand from a source that could be cited, and refusing a
 * genuine policy because of a wrongly remembered algorithm would be worse than accepting a mistyped
 * one.
 */
@Service
public class RegistryIdentifiers {

    private final Accounts accounts;
    private final Policies policies;
    private final PatientRecordAccess access;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RegistryIdentifiers(
            Accounts accounts,
            Policies policies,
            PatientRecordAccess access,
            TransactionTemplate transaction,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.policies = policies;
        this.access = access;
        this.transaction = transaction;
        this.clock = clock;
        this.events = events;
    }

    /** The patient's policies, newest first within each kind. */
    @Transactional(readOnly = true)
    public List<PolicyView> policies(SignedInUser actor, PatientId patient) {
        access.requireCaringStaffOrSelf(actor, patient, "POLICIES_READ", false);
        return policies.ofPatients(List.of(patient.value()));
    }

    /**
     * One policy by its id, under the same rule as {@link #policies}: the patient themself or staff
     * of a clinic caring for the patient; anyone else, and an unknown id, gets {@link NotFound}.
     */
    @Transactional(readOnly = true)
    public PolicyView policy(SignedInUser actor, UUID policy) {
        var found = policies.find(policy);
        if (found.isEmpty()) {
            events.publishEvent(new PatientIdentifiersUsed(
                    actor == null ? null : actor.userId(), "NONE", null, "POLICIES_READ", false));
            throw new NotFound();
        }
        access.requireCaringStaffOrSelf(actor, found.get().patientId(), "POLICIES_READ", false);
        return found.get();
    }

    /**
     * Adds a policy to a record.
     *
     * @throws InvalidInput naming every wrong field, or {@code number} when another record holds it
     */
    public PolicyView addPolicy(SignedInUser actor, PatientId patient, PolicyForm form) {
        access.requireCaringStaffOrSelf(actor, patient, "POLICY_ADDED", true);
        var errors = new FieldErrors();
        var parsed = policy(form, "", errors);
        errors.throwIfAny();
        try {
            return transaction.execute(status -> {
                if (accounts.cards(List.of(patient.value())).isEmpty()) {
                    throw new NotFound();
                }
                if (policies.taken(parsed.kind(), parsed.number())) {
                    throw new InvalidInput("number", "identity.validation.policy-taken");
                }
                var policy = new PolicyView(
                        UUID.randomUUID(),
                        patient,
                        parsed.kind(),
                        parsed.number(),
                        parsed.insurer(),
                        parsed.validFrom(),
                        parsed.validTo());
                policies.insert(policy, actor.userId(), clock.instant());
                return policy;
            });
        } catch (DuplicateKeyException race) {
            throw new InvalidInput("number", "identity.validation.policy-taken");
        }
    }

    /**
     * Removes a policy from its record: the patient themself or the registry of a caring clinic. Not
     * in one transaction with the check, so that a refusal's audit entry is not rolled back with it.
     */
    public void removePolicy(SignedInUser actor, UUID policy) {
        var found = policies.find(policy);
        if (found.isEmpty()) {
            events.publishEvent(new PatientIdentifiersUsed(
                    actor == null ? null : actor.userId(), "NONE", null, "POLICY_REMOVED", false));
            throw new NotFound();
        }
        access.requireCaringStaffOrSelf(actor, found.get().patientId(), "POLICY_REMOVED", true);
        policies.delete(policy);
    }

    /** A checked policy; the fields are named {@code prefix + Field} ({@code omsNumber}) or plain. */
    static PolicyView policy(PolicyForm form, String prefix, FieldErrors errors) {
        String kindField = field(prefix, "kind");
        String numberField = field(prefix, "number");
        PolicyKind kind = null;
        if (form.kind() == null || form.kind().isBlank()) {
            errors.reject(kindField, "validation.required");
        } else {
            try {
                kind = PolicyKind.valueOf(form.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.reject(kindField, "identity.validation.policy-kind");
            }
        }
        String number = form.number() == null
                ? ""
                : form.number().replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        if (number.isEmpty()) {
            errors.reject(numberField, "validation.required");
        } else if (kind == PolicyKind.OMS && !PersonFields.isOmsNumber(number)) {
            errors.reject(numberField, "identity.validation.oms-number");
        } else if (kind == PolicyKind.DMS && !number.matches("[0-9A-ZА-ЯЁ/.]{3,30}")) {
            errors.reject(numberField, "identity.validation.dms-number");
        }
        String insurer = form.insurer() == null || form.insurer().isBlank()
                ? null
                : form.insurer().strip();
        if (insurer != null && insurer.length() > 200) {
            errors.reject(field(prefix, "insurer"), "identity.validation.too-long", 200);
        }
        LocalDate from = PersonFields.date(form.validFrom(), field(prefix, "validFrom"), false, errors);
        LocalDate to = PersonFields.date(form.validTo(), field(prefix, "validTo"), false, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.reject(field(prefix, "validTo"), "identity.validation.valid-to-before");
        }
        return new PolicyView(null, null, kind, number, insurer, from, to);
    }

    private static String field(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * A clinician records the SNILS from the patient's documents (SPEC E1), in the one place the
     * platform keeps it. A SNILS names one person and ESIA sign-in links accounts by it, so one that
     * another record holds is refused, for staff to reconcile, not stored twice.
     *
     * @throws InvalidInput {@code snils} ({@code identity.validation.snils-taken}) when another record holds it
     * <p>Not one transaction: the audit entry of a refused attempt must stay (G1), and the unique
     * SNILS column decides a race between two desks.
     *
     * @return the record as it now stands, with its policies (the one audit entry is the change's)
     * @throws NotFound for anyone but staff, or an unknown patient
     */
    public PatientCard recordSnils(SignedInUser actor, PatientId patient, Snils snils) {
        access.requireRegistry(actor, patient, "SNILS_RECORDED");
        storeSnils(patient, snils);
        return access.withPolicies(accounts.cards(List.of(patient.value()))).stream()
                .findFirst()
                .orElseThrow(NotFound::new);
    }

    /** Stores a SNILS without asking who: for {@link #recordSnils} and the demo data. */
    void storeSnils(PatientId patient, Snils snils) {
        accounts.byPatient(patient).orElseThrow(NotFound::new);
        if (accounts.patientsBySnils(snils.digits()).stream().anyMatch(other -> !other.equals(patient.value()))) {
            throw new InvalidInput("snils", "identity.validation.snils-taken");
        }
        try {
            accounts.setSnils(patient, snils.digits());
        } catch (DuplicateKeyException race) {
            throw new InvalidInput("snils", "identity.validation.snils-taken");
        }
    }

    /**
     * A clinician records the OMS policy from the patient's documents (SPEC E1): it replaces the
     * patient's current OMS policy, or becomes it. A number another record holds is kept and both
     * records are flagged for staff ({@link #sharedPolicies}, SPEC E7): the document says so, and
     * which record is wrong is for staff to find out.
     *
     * @throws NotFound for anyone but staff, or an unknown patient
     */
    @Transactional
    public PolicyView recordOms(
            SignedInUser actor, PatientId patient, String number, String insurer, LocalDate validTo) {
        access.requireRegistry(actor, patient, "OMS_RECORDED");
        return storeOms(actor.userId(), patient, number, insurer, validTo);
    }

    /** Stores the OMS policy without asking who: for {@link #recordOms} and the demo data. */
    PolicyView storeOms(UserId author, PatientId patient, String number, String insurer, LocalDate validTo) {
        accounts.byPatient(patient).orElseThrow(NotFound::new);
        var current = policies.currentOms(patient.value());
        if (current.isPresent()) {
            var was = current.get();
            String newNumber = number == null ? was.number() : number;
            String newInsurer = insurer == null ? was.insurer() : insurer;
            LocalDate newValidTo = validTo == null ? was.validTo() : validTo;
            policies.change(was.id(), newNumber, newInsurer, newValidTo);
            return new PolicyView(
                    was.id(), patient, PolicyKind.OMS, newNumber, newInsurer, was.validFrom(), newValidTo);
        }
        if (number == null) {
            throw new InvalidInput("omsNumber", "validation.required");
        }
        var policy = new PolicyView(UUID.randomUUID(), patient, PolicyKind.OMS, number, insurer, null, validTo);
        policies.insert(policy, author, clock.instant());
        return policy;
    }

    /**
     * Policies whose kind and number more than one record holds (SPEC E7), ordered so that each
     * number's holders follow one another; for a module that already decided the caller is staff.
     */
    @Transactional(readOnly = true)
    public List<PolicyView> sharedPolicies() {
        return policies.shared();
    }

    /** Whether another record holds one of the patient's policy numbers (SPEC E7). */
    @Transactional(readOnly = true)
    public boolean sharesPolicy(PatientId patient) {
        return policies.shares(patient.value());
    }
}
