package org.medkarta.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicCare;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Phone;
import org.medkarta.shared.Snils;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity module's patient records as staff work with them (SPEC C6, seed 001): finding a
 * patient by phone, SNILS or insurance policy (a phone can lead to several records: a parent's phone
 * entered for a child), creating a record when the patient has none, and the OMS and DMS policies
 * that are part of a patient's identity data.
 *
 * <p>What staff see and change follows the care relationships of their clinics (SPEC F4, issue 12,
 * decided through the {@link ClinicCare} port): a doctor, registrar or clinic administrator sees a
 * patient's identifiers only when the patient is attached to, booked with, referred to or being
 * registered by a clinic they work at; only the registry of such a clinic (registrars and clinic
 * administrators) adds and removes policies. A search finds any patient, as booking needs (SPEC C6),
 * but shows only initials and the birth year of a patient no clinic of theirs cares for yet. A
 * patient sees and keeps their own policies. Anyone else gets {@link NotFound}, which never tells
 * whether the person exists.
 *
 * <p>OMS numbers are checked for their form only, the 16 digits of the unified policy number: the
 * algorithm of its check digit was not at hand from a source that could be cited, and refusing a
 * genuine policy because of a wrongly remembered algorithm would be worse than accepting a mistyped
 * one.
 */
@Service
public class PatientRecords {

    private static final int MAX_FOUND = 50;

    private final Accounts accounts;
    private final Policies policies;
    private final Identity identity;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ClinicCare care;

    PatientRecords(
            Accounts accounts,
            Policies policies,
            Identity identity,
            TransactionTemplate transaction,
            Clock clock,
            ApplicationEventPublisher events,
            ClinicCare care) {
        this.care = care;
        this.accounts = accounts;
        this.policies = policies;
        this.identity = identity;
        this.transaction = transaction;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Whether the person may look up and register patients for booking (SPEC C6): a doctor, registrar
     * or administrator working at a clinic, decided from the database at each request.
     */
    public boolean isClinicStaff(SignedInUser actor) {
        return actor != null
                && (actor.has(Role.DOCTOR) || actor.has(Role.REGISTRAR) || actor.has(Role.CLINIC_ADMIN))
                && care.worksAtAClinic(actor.userId());
    }

    private void requireClinicStaff(SignedInUser actor) {
        if (!isClinicStaff(actor)) {
            throw new NotFound();
        }
    }

    /** Staff who may record a clinician's correction of the record's identifiers (SPEC E1). */
    /** Whether {@code actor} is registry staff of a clinic caring for {@code patient}. */
    public boolean keepsRegistry(SignedInUser actor, PatientId patient) {
        return actor != null
                && patient != null
                && (actor.has(Role.REGISTRAR) || actor.has(Role.CLINIC_ADMIN))
                && care.keepsRegistry(actor.userId(), patient);
    }

    /**
     * SNILS and policies are changed by the registry staff (registrars, clinic administrators) of a
     * clinic caring for the patient only (SPEC F4, issue 12): a doctor in care sees them and is told
     * the registry keeps them (403 {@code registry-only}); anyone else gets 404. Either way recorded.
     */
    private void requireRegistry(SignedInUser actor, PatientId patient, String action) {
        boolean registry = keepsRegistry(actor, patient);
        events.publishEvent(new PatientIdentifiersUsed(
                actor == null ? null : actor.userId(), registry ? "STAFF" : "NONE", patient, action, registry));
        if (registry) {
            return;
        }
        if (actor != null && actor.has(Role.DOCTOR) && care.cares(actor.userId(), patient)) {
            throw IdentityRefusal.registryOnly();
        }
        throw new NotFound();
    }

    /**
     * The records a phone, SNILS or policy number as typed leads to, with their policies: every
     * record with that sign-in or contact phone, the one with that SNILS, the ones holding that
     * policy. Nothing when the text is none of these. A patient whom no clinic of the searcher cares
     * for is shown {@linkplain PatientCard#limited() limited} to the initials and the birth year.
     */
    @Transactional(readOnly = true)
    public List<PatientCard> find(SignedInUser actor, String query) {
        requireClinicStaff(actor);
        if (query == null || query.isBlank()) {
            return List.of();
        }
        var found = new LinkedHashSet<UUID>();
        String digits = query.replaceAll("[\\s\\-()]", "");
        try {
            found.addAll(accounts.patientsByPhone(Phone.parse(query, "query").e164()));
        } catch (InvalidInput notAPhone) {
            // It may still be a SNILS or a policy.
        }
        try {
            found.addAll(accounts.patientsBySnils(Snils.parse(query, "query").digits()));
        } catch (InvalidInput notASnils) {
            // It may still be a policy.
        }
        found.addAll(policies.patientsWith(digits.toUpperCase(Locale.ROOT)));
        var cards = withPolicies(accounts.cards(found.stream().limit(MAX_FOUND).toList())).stream()
                .map(card -> care.cares(actor.userId(), card.patientId()) ? card : card.limitedToBooking())
                .toList();
        // Each record a search shows is a record someone saw (G1), in full or only for booking.
        cards.forEach(card -> events.publishEvent(new PatientIdentifiersUsed(
                actor.userId(),
                "STAFF",
                card.patientId(),
                card.limited() ? "PATIENT_FOUND_FOR_BOOKING" : "PATIENT_FOUND",
                true)));
        return cards;
    }

    /**
     * The records a SNILS, a policy number (OMS or DMS) or a phone as typed leads to, as ids alone: for
     * a caller that then opens each through the access module's policy point, which decides (and
     * audits) which of them the asker may see (the FHIR {@code Patient?identifier=} search). Nothing
     * of a record is read here.
     */
    @Transactional(readOnly = true)
    public List<PatientId> holders(String snilsPolicyOrPhone) {
        if (snilsPolicyOrPhone == null || snilsPolicyOrPhone.isBlank()) {
            return List.of();
        }
        var found = new LinkedHashSet<UUID>();
        try {
            found.addAll(accounts.patientsByPhone(
                    Phone.parse(snilsPolicyOrPhone, "query").e164()));
        } catch (InvalidInput notAPhone) {
            // It may still be a SNILS or a policy.
        }
        try {
            found.addAll(accounts.patientsBySnils(
                    Snils.parse(snilsPolicyOrPhone, "query").digits()));
        } catch (InvalidInput notASnils) {
            // It may still be a policy.
        }
        found.addAll(policies.patientsWith(
                snilsPolicyOrPhone.replaceAll("[\\s\\-()]", "").toUpperCase(Locale.ROOT)));
        return found.stream().limit(MAX_FOUND).map(PatientId::new).toList();
    }

    /** One record with its policies, for staff of a caring clinic or for the patient themself. */
    @Transactional(readOnly = true)
    public PatientCard card(SignedInUser actor, PatientId patient) {
        requireCaringStaffOrSelf(actor, patient, "PATIENT_CARD_READ", false);
        return withPolicies(accounts.cards(List.of(patient.value()))).stream()
                .findFirst()
                .orElseThrow(NotFound::new);
    }

    /**
     * Creates a patient record for a patient who has none (SPEC C6). The phone is the record's contact
     * phone only, never a way in: whoever holds a phone is not thereby the patient (SPEC E0, seeds 001
     * and 003). The patient registers an account of their own and asks the clinic for this record with
     * an identity document, the OMS policy and SNILS ({@code access.RecordRequests}).
     *
     * @throws InvalidInput naming every wrong field, a SNILS or OMS policy another record holds
     *     included
     */
    public PatientCard create(SignedInUser actor, PatientRecordForm form) {
        return create(actor, form, true);
    }

    /**
     * Creates a patient record for a patient imported from another system (SPEC I3): as {@link
     * #create}, but a record may come without a phone (or with one that is not a Russian mobile
     * number, which the imported resource keeps): the patient signs in once staff add one.
     */
    public PatientCard createImported(SignedInUser actor, PatientRecordForm form) {
        return create(actor, form, false);
    }

    /**
     * The records with exactly this name and birth date: candidates for a match that staff confirm
     * (SPEC E7), never merged silently. Like {@link #holders}, nothing of a record is read here; the
     * caller opens each through the access module.
     */
    @Transactional(readOnly = true)
    public List<PatientId> namesakes(String lastName, String firstName, LocalDate birthDate) {
        if (lastName == null || firstName == null || birthDate == null) {
            return List.of();
        }
        return accounts.patientsByNameAndBirthDate(lastName.strip(), firstName.strip(), birthDate).stream()
                .limit(MAX_FOUND)
                .map(PatientId::new)
                .toList();
    }

    private PatientCard create(SignedInUser actor, PatientRecordForm form, boolean phoneRequired) {
        requireClinicStaff(actor);
        var errors = new FieldErrors();
        String lastName = PersonFields.name(form.lastName(), "lastName", true, errors);
        String firstName = PersonFields.name(form.firstName(), "firstName", true, errors);
        String patronymic = PersonFields.name(form.patronymic(), "patronymic", false, errors);
        LocalDate birthDate = PersonFields.birthDate(form.birthDate(), "birthDate", LocalDate.now(clock), errors);
        Sex sex = sex(form.sex(), errors);
        Phone phone =
                phoneRequired ? errors.check(() -> Phone.parse(form.phone(), "phone")) : importedPhone(form.phone());
        String snils = form.snils() == null || form.snils().isBlank()
                ? null
                : errors.check(() -> Snils.parse(form.snils(), "snils").digits());
        boolean withPolicy = form.omsNumber() != null && !form.omsNumber().isBlank();
        var oms = withPolicy
                ? policy(
                        new PolicyForm("OMS", form.omsNumber(), form.omsInsurer(), null, form.omsValidTo()),
                        "oms",
                        errors)
                : null;
        errors.throwIfAny();
        try {
            return transaction.execute(status -> {
                var taken = new FieldErrors();
                if (snils != null && !accounts.patientsBySnils(snils).isEmpty()) {
                    taken.reject("snils", "identity.validation.snils-taken");
                }
                if (oms != null && policies.taken(oms.kind(), oms.number())) {
                    taken.reject("omsNumber", "identity.validation.policy-taken");
                }
                taken.throwIfAny();
                var now = clock.instant();
                // No sign-in phone: until this, a staff-made record signed in with the phone typed for it,
                // and anyone receiving an SMS there opened the whole record (issue 17).
                var created = identity.createPatient(
                        new Identity.NewPatient(lastName, firstName, patronymic, birthDate, null, null, snils),
                        false,
                        now);
                accounts.recordDetails(created.userId(), sex, phone == null ? null : phone.e164());
                // The patient is now being registered by the creator's clinics, which care for them.
                care.registered(actor.userId(), created.patientId());
                if (oms != null) {
                    policies.insert(
                            new PolicyView(
                                    UUID.randomUUID(),
                                    created.patientId(),
                                    oms.kind(),
                                    oms.number(),
                                    oms.insurer(),
                                    oms.validFrom(),
                                    oms.validTo()),
                            actor.userId(),
                            now);
                }
                return withPolicies(accounts.cards(List.of(created.patientId().value())))
                        .get(0);
            });
        } catch (DuplicateKeyException race) {
            // Another record took the SNILS or the policy between the check and the insert.
            throw new InvalidInput(snils != null ? "snils" : "omsNumber", "identity.validation.record-race");
        }
    }

    /** The patient's policies, newest first within each kind. */
    @Transactional(readOnly = true)
    public List<PolicyView> policies(SignedInUser actor, PatientId patient) {
        requireCaringStaffOrSelf(actor, patient, "POLICIES_READ", false);
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
        requireCaringStaffOrSelf(actor, found.get().patientId(), "POLICIES_READ", false);
        return found.get();
    }

    /**
     * Adds a policy to a record.
     *
     * @throws InvalidInput naming every wrong field, or {@code number} when another record holds it
     */
    public PolicyView addPolicy(SignedInUser actor, PatientId patient, PolicyForm form) {
        requireCaringStaffOrSelf(actor, patient, "POLICY_ADDED", true);
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
        requireCaringStaffOrSelf(actor, found.get().patientId(), "POLICY_REMOVED", true);
        policies.delete(policy);
    }

    /**
     * The patient themself, or staff of a clinic caring for the patient — for a {@code change}, its
     * registry only (SPEC F4, issue 12) — or 404; either way recorded in the audit trail (G1).
     */
    private void requireCaringStaffOrSelf(SignedInUser actor, PatientId patient, String action, boolean change) {
        boolean self = actor != null && patient != null && patient.equals(actor.patientId());
        boolean staff = !self
                && actor != null
                && patient != null
                && (change
                        ? (actor.has(Role.REGISTRAR) || actor.has(Role.CLINIC_ADMIN))
                                && care.keepsRegistry(actor.userId(), patient)
                        : (actor.has(Role.DOCTOR) || actor.has(Role.REGISTRAR) || actor.has(Role.CLINIC_ADMIN))
                                && care.cares(actor.userId(), patient));
        boolean allowed = self || staff;
        events.publishEvent(new PatientIdentifiersUsed(
                actor == null ? null : actor.userId(),
                !allowed ? "NONE" : self ? "SELF" : "STAFF",
                patient,
                action,
                allowed));
        if (!allowed) {
            throw new NotFound();
        }
    }

    private List<PatientCard> withPolicies(List<PatientCard> cards) {
        var byPatient = new HashMap<PatientId, List<PolicyView>>();
        policies.ofPatients(cards.stream().map(card -> card.patientId().value()).toList())
                .forEach(policy -> byPatient
                        .computeIfAbsent(policy.patientId(), key -> new ArrayList<>())
                        .add(policy));
        return cards.stream()
                .map(card -> new PatientCard(
                        card.userId(),
                        card.patientId(),
                        card.lastName(),
                        card.firstName(),
                        card.patronymic(),
                        card.birthDate(),
                        card.sex(),
                        card.phone(),
                        card.snils(),
                        card.signsIn(),
                        List.copyOf(byPatient.getOrDefault(card.patientId(), List.of())),
                        card.birthYear(),
                        card.limited()))
                .toList();
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

    /** An imported record's phone when it is a Russian mobile number; none otherwise. */
    private static Phone importedPhone(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Phone.parse(typed, "phone");
        } catch (InvalidInput notRussianMobile) {
            return null;
        }
    }

    private static Sex sex(String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.reject("sex", "validation.required");
            return null;
        }
        try {
            return Sex.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("sex", "identity.validation.sex");
            return null;
        }
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
        requireRegistry(actor, patient, "SNILS_RECORDED");
        storeSnils(patient, snils);
        return withPolicies(accounts.cards(List.of(patient.value()))).stream()
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
        requireRegistry(actor, patient, "OMS_RECORDED");
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

    /** The record of a patient id, if there is one. */
    @Transactional(readOnly = true)
    public Optional<PatientCard> find(PatientId patient) {
        return withPolicies(accounts.cards(List.of(patient.value()))).stream().findFirst();
    }
}
