package org.medkarta.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.medkarta.shared.ClinicCare;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who sees and changes a patient's identity data (SPEC F4, issue 12): the checks {@link
 * PatientRecords} and {@link RegistryIdentifiers} both go through, each recorded as a {@link
 * PatientIdentifiersUsed} for the audit trail, and the policies added to the cards they show.
 */
@Component
class PatientRecordAccess {

    private final Policies policies;
    private final ApplicationEventPublisher events;
    private final ClinicCare care;

    PatientRecordAccess(Policies policies, ApplicationEventPublisher events, ClinicCare care) {
        this.policies = policies;
        this.events = events;
        this.care = care;
    }

    /** Whether {@code actor} is registry staff of a clinic caring for {@code patient}. */
    boolean keepsRegistry(SignedInUser actor, PatientId patient) {
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
    void requireRegistry(SignedInUser actor, PatientId patient, String action) {
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
     * The patient themself, or staff of a clinic caring for the patient — for a {@code change}, its
     * registry only (SPEC F4, issue 12) — or 404; either way recorded in the audit trail (G1).
     */
    void requireCaringStaffOrSelf(SignedInUser actor, PatientId patient, String action, boolean change) {
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

    /** The cards with each patient's policies. */
    List<PatientCard> withPolicies(List<PatientCard> cards) {
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
}
