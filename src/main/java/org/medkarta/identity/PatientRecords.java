package org.medkarta.identity;

import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity module's patient records as staff work with them (SPEC C6, seed 001): finding a
 * patient by phone, SNILS or insurance policy (a phone can lead to several records: a parent's phone
 * entered for a child), creating a record when the patient has none, and the OMS and DMS policies
 * that are part of a patient's identity data, which {@link RegistryIdentifiers} keeps.
 *
 * <p>What staff see and change follows the care relationships of their clinics (SPEC F4, issue 12,
 * decided through the {@link ClinicCare} port): a doctor, registrar or clinic administrator sees a
 * patient's identifiers only when the patient is attached to, booked with, referred to or being
 * registered by a clinic they work at; only the registry of such a clinic (registrars and clinic
 * administrators) adds and removes policies. A search finds any patient, as booking needs (SPEC C6),
 * but shows only initials and the birth year of a patient no clinic of theirs cares for yet. A
 * patient sees and keeps their own policies. Anyone else gets {@link NotFound}, which never tells
 * whether the person exists.
 */
@Service
public class PatientRecords {

    private static final int MAX_FOUND = 50;

    private final Accounts accounts;
    private final Policies policies;
    private final Registration registration;
    private final PatientRecordAccess access;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ClinicCare care;

    PatientRecords(
            Accounts accounts,
            Policies policies,
            Registration registration,
            PatientRecordAccess access,
            TransactionTemplate transaction,
            Clock clock,
            ApplicationEventPublisher events,
            ClinicCare care) {
        this.accounts = accounts;
        this.policies = policies;
        this.registration = registration;
        this.access = access;
        this.transaction = transaction;
        this.clock = clock;
        this.events = events;
        this.care = care;
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

    /** Whether {@code actor} is registry staff of a clinic caring for {@code patient}. */
    public boolean keepsRegistry(SignedInUser actor, PatientId patient) {
        return access.keepsRegistry(actor, patient);
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
        var cards = access
                .withPolicies(accounts.cards(found.stream().limit(MAX_FOUND).toList()))
                .stream()
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
        access.requireCaringStaffOrSelf(actor, patient, "PATIENT_CARD_READ", false);
        return access.withPolicies(accounts.cards(List.of(patient.value()))).stream()
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
                ? RegistryIdentifiers.policy(
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
                var created = registration.createPatient(
                        new Registration.NewPatient(lastName, firstName, patronymic, birthDate, null, null, snils),
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
                return access.withPolicies(
                                accounts.cards(List.of(created.patientId().value())))
                        .get(0);
            });
        } catch (DuplicateKeyException race) {
            // Another record took the SNILS or the policy between the check and the insert.
            throw new InvalidInput(snils != null ? "snils" : "omsNumber", "identity.validation.record-race");
        }
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

    /** The record of a patient id, if there is one. */
    @Transactional(readOnly = true)
    public Optional<PatientCard> find(PatientId patient) {
        return access.withPolicies(accounts.cards(List.of(patient.value()))).stream()
                .findFirst();
    }
}
