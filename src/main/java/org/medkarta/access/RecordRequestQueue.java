package org.medkarta.access;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's side of record-access requests (SPEC E0; seed 001): the registrars and clinic
 * administrators of the clinic a request went to see it in their queue, with the scans beside the
 * records their clinic keeps that match it, take it into work, and approve it, choosing the record to
 * bind, or refuse it with a reason. Staff of any other clinic get {@link NotFound}, as for a record.
 *
 * <p>A clinic's administrator chooses whether exact matches (SNILS, OMS policy, full name and birth
 * date all agreeing with the one record the clinic keeps) are approved at once; off by default.
 */
@Service
public class RecordRequestQueue {

    private final RecordRequestStore store;
    private final RecordRequestMatching matching;
    private final RecordRequestDecisions decisions;
    private final RecordRequestNotices notices;
    private final ClinicCareRelationships care;
    private final AccountDirectory identity;
    private final RecordAccess access;
    private final RecordRequestReads reads;
    private final TransactionTemplate transaction;
    private final java.time.Clock clock;

    RecordRequestQueue(
            RecordRequestStore store,
            RecordRequestMatching matching,
            RecordRequestDecisions decisions,
            RecordRequestNotices notices,
            ClinicCareRelationships care,
            AccountDirectory identity,
            RecordAccess access,
            RecordRequestReads reads,
            TransactionTemplate transaction,
            java.time.Clock clock) {
        this.store = store;
        this.matching = matching;
        this.decisions = decisions;
        this.notices = notices;
        this.care = care;
        this.identity = identity;
        this.access = access;
        this.reads = reads;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The clinics whose registry the caller keeps now (as a registrar or a clinic administrator). */
    public Set<ClinicId> registryClinics(SignedInUser actor) {
        return actor == null ? Set.of() : care.registryClinics(actor.userId());
    }

    /**
     * The clinic's requests in {@code state} (every state when null), oldest first. Each request listed
     * shows its papers, so each is an audited read.
     *
     * @throws NotFound unless the caller keeps the clinic's registry
     */
    public List<RecordRequestView> queue(SignedInUser actor, ClinicId clinic, RecordRequestState state) {
        requireRegistry(actor, clinic);
        var listed = store.ofClinic(clinic, state);
        reads.listed(actor, listed, RecordRequestReads.Reader.REGISTRY);
        return listed.stream().map(decisions::view).toList();
    }

    /**
     * The records the request's clinic keeps that match it by SNILS, OMS policy, or name and birth
     * date, for the registry to compare with the scans.
     *
     * @throws NotFound unless the caller keeps the registry of the request's clinic
     */
    public List<RecordCandidate> candidates(SignedInUser actor, UUID id) {
        var request = registryRequest(actor, id);
        return matching.candidates(request.clinic(), person(request));
    }

    /**
     * Takes a submitted request into work; the requester is told.
     *
     * @throws AccessRefusal {@code request-state} (409) when it is not submitted any more
     */
    public RecordRequestView take(SignedInUser actor, UUID id) {
        var request = registryRequest(actor, id);
        return transaction.execute(status -> {
            if (!store.take(request.id(), actor.userId(), clock.instant())) {
                throw AccessRefusal.requestState(current(request));
            }
            notices.changed(request, RecordRequestState.IN_WORK, decisions.clinicName(request), null);
            return decisions.view(store.find(request.id()).orElseThrow());
        });
    }

    /**
     * Approves a request in work, binding the account to {@code patientId}, a record the clinic keeps:
     * as its own, or for a child's request as the parent of the child (under 15 only). The requester
     * is told.
     *
     * @throws InvalidInput {@code patientId} when it is missing or names no record the clinic keeps
     *     (or the requester's own record)
     * @throws AccessRefusal {@code request-state} (409) when the request is not in work; {@code
     *     child-of-age} (409) when a child's request would bind a record of someone 15 or older
     */
    public RecordRequestView approve(SignedInUser actor, UUID id, String patientId) {
        var request = registryRequest(actor, id);
        PatientId patient = patient(patientId);
        if (!care.caresFor(request.clinic(), patient) || patient.equals(ownRecord(request))) {
            throw new InvalidInput("patientId", "access.request.validation.record");
        }
        if (request.state() != RecordRequestState.IN_WORK) {
            throw AccessRefusal.requestState(request.state());
        }
        if (request.forChild() && !access.isChildUnderAge(patient, clock.instant())) {
            throw AccessRefusal.childOfAge();
        }
        return transaction.execute(status -> {
            decisions.approve(request, RecordRequestState.IN_WORK, actor.userId(), patient, false);
            return decisions.view(store.find(request.id()).orElseThrow());
        });
    }

    /**
     * Refuses a request in work with a reason the requester is told; they may file a new one.
     *
     * @throws InvalidInput {@code reason} when it is missing or longer than 1,000 characters
     * @throws AccessRefusal {@code request-state} (409) when the request is not in work
     */
    public RecordRequestView refuse(SignedInUser actor, UUID id, String reason) {
        var request = registryRequest(actor, id);
        String why = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "validation.required");
        }
        if (why.length() > 1000) {
            throw new InvalidInput("reason", "identity.validation.too-long", 1000);
        }
        return transaction.execute(status -> {
            if (!store.refuse(request.id(), actor.userId(), why, clock.instant())) {
                throw AccessRefusal.requestState(current(request));
            }
            notices.changed(request, RecordRequestState.REFUSED, decisions.clinicName(request), why);
            return decisions.view(store.find(request.id()).orElseThrow());
        });
    }

    /**
     * Whether the clinic approves exact matches automatically.
     *
     * @throws NotFound unless the caller keeps the clinic's registry
     */
    public boolean autoApproval(SignedInUser actor, ClinicId clinic) {
        requireRegistry(actor, clinic);
        return store.autoApproves(clinic);
    }

    /**
     * Turns the clinic's automatic approval of exact matches on or off: its administrators only.
     *
     * @throws NotFound for anyone else
     */
    public boolean setAutoApproval(SignedInUser actor, ClinicId clinic, boolean on) {
        if (actor == null
                || clinic == null
                || care.administrator(actor.userId(), clinic).isEmpty()) {
            throw new NotFound();
        }
        transaction.executeWithoutResult(status -> store.setAutoApproval(clinic, on, actor.userId(), clock.instant()));
        return on;
    }

    /** Whether the caller administers the clinic (and so may change its automatic approval). */
    public boolean administers(SignedInUser actor, ClinicId clinic) {
        return actor != null
                && clinic != null
                && actor.has(Role.CLINIC_ADMIN)
                && care.administrator(actor.userId(), clinic).isPresent();
    }

    private RecordRequestState current(RecordRequestStore.Row request) {
        return store.find(request.id()).map(RecordRequestStore.Row::state).orElse(request.state());
    }

    private RecordRequestStore.Row registryRequest(SignedInUser actor, UUID id) {
        if (actor == null || id == null) {
            throw new NotFound();
        }
        var request = store.find(id).orElseThrow(NotFound::new);
        requireRegistry(actor, request.clinic());
        return request;
    }

    private void requireRegistry(SignedInUser actor, ClinicId clinic) {
        if (actor == null
                || clinic == null
                || !care.registryClinics(actor.userId()).contains(clinic)) {
            throw new NotFound();
        }
    }

    /** The requester's own (self-registered) record, which an approval never binds nor merges. */
    private PatientId ownRecord(RecordRequestStore.Row request) {
        return identity.account(request.account()).map(AccountView::patientId).orElse(null);
    }

    private RecordRequestMatching.Person person(RecordRequestStore.Row request) {
        return new RecordRequestMatching.Person(
                request.lastName(),
                request.firstName(),
                request.patronymic(),
                request.birthDate(),
                request.snils(),
                request.omsNumber(),
                ownRecord(request));
    }

    private static PatientId patient(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidInput("patientId", "validation.required");
        }
        try {
            return new PatientId(UUID.fromString(typed.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("patientId", "access.request.validation.record");
        }
    }
}
