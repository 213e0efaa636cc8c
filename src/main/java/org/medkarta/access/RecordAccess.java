package org.medkarta.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medkarta.audit.AuditEntry;
import org.medkarta.audit.AuditTrail;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.Ages;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one policy point for medical record data: every page, API endpoint and FHIR read of a
 * record asks here first, and every answer, yes or no, is one entry in the audit trail.
 *
 * <p>Who may do what (SPEC E11, F1-F4; seed 001 "Управление доступом к ЭМК"):
 *
 * <ul>
 *   <li>{@link Relation#SELF}: the patient, everything but clinical entries: their own record, and a
 *       record a clinic keeps once a record-access request bound it to them ({@link RecordRequests},
 *       SPEC E0; never by phone alone);
 *   <li>{@link Relation#PARENT}: a legal representative, as the patient, until the child's 15th
 *       birthday begins in {@code medkarta.access.zone} (order 003 §23.2; see {@link Ages} for 29
 *       February);
 *   <li>{@link Relation#GRANTEE}: a person the patient granted access to and who accepted, by level:
 *       {@code VIEW} reads, {@code VIEW_DOWNLOAD} also downloads, {@code FULL} also contributes and
 *       acts for the patient (books, consults); never manages access;
 *   <li>{@link Relation#CLINICIAN}: a doctor within a care relationship reads, downloads and writes;
 *   <li>{@link Relation#EMERGENCY}: a doctor who opened the record with a stated reason reads and
 *       downloads for a short window, each access flagged in the audit trail;
 *   <li>{@link Relation#CLINIC}: a clinic's administrator exports, for the clinic, the records of the
 *       patients it cares for ({@link ClinicPatients#requireExport}), one audited decision per record.
 * </ul>
 *
 * Emergency openings are made through {@link EmergencyAccess}, and which patients a clinic cares
 * for is told by {@link ClinicPatients}; whether either grounds an access is decided here, as every
 * other decision.
 *
 * <p>Everything is decided from the database and the injected clock at each request: a revoked grant
 * or a birthday takes effect on the very next request, with no job to wait for.
 */
@Service
public class RecordAccess {

    private final AccountDirectory identity;
    private final Grants grants;
    private final Guardianships guardianships;
    private final CareRelationships care;
    private final ClinicCareRelationships clinicCare;
    private final Emergencies emergencies;
    private final RecordRequestStore requests;
    private final AuditTrail audit;
    private final TransactionTemplate separate;
    private final AccessProperties properties;
    private final Clock clock;

    RecordAccess(
            AccountDirectory identity,
            Grants grants,
            Guardianships guardianships,
            CareRelationships care,
            ClinicCareRelationships clinicCare,
            Emergencies emergencies,
            RecordRequestStore requests,
            AuditTrail audit,
            TransactionTemplate transaction,
            AccessProperties properties,
            Clock clock) {
        this.identity = identity;
        this.grants = grants;
        this.guardianships = guardianships;
        this.care = care;
        this.clinicCare = clinicCare;
        this.emergencies = emergencies;
        this.requests = requests;
        this.audit = audit;
        this.separate = new TransactionTemplate(transaction.getTransactionManager());
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    /** Why someone may open a record, found by {@link #grounds}. */
    private record Grounds(Relation relation, AccessLevel level, String reason) {}

    /**
     * Decides whether {@code actor} may do {@code action} with the record of {@code patient}, and
     * records the decision in the audit trail: an allowed one in the caller's transaction (so a
     * change that rolls back leaves no entry claiming it happened; a read-only caller's in one of its
     * own), a refused one in a transaction
     * of its own once the caller's is over (so the 404's rollback cannot erase it).
     *
     * @param actor the signed-in person, or null for an anonymous request
     * @throws NotFound when they may not open the record at all: another person's record never
     *     reveals that it exists
     * @throws AccessRefusal {@code clinical-entries-read-only} (403) when they may read the record but
     *     not write clinical entries, {@code action-not-allowed} (403) for any other action their
     *     relation does not carry (a VIEW grantee downloading, a grantee managing access)
     */
    public AccessDecision require(SignedInUser actor, PatientId patient, RecordAction action) {
        var grounds = grounds(actor, patient, action, clock.instant());
        var request = currentRequest();
        String resource =
                request.map(r -> r.getMethod() + " " + r.getRequestURI()).orElse(null);
        String address = request.map(HttpServletRequest::getRemoteAddr).orElse(null);
        if (grounds.isPresent()) {
            var found = grounds.get();
            // Joins a read-write caller's transaction; a read (no transaction, or a read-only one) is
            // appended apart by the audit trail's group commit, durable before the data is returned.
            audit.record(new AuditEntry(
                    actor.userId().value(),
                    found.relation().name(),
                    patient.value(),
                    "RECORD_" + action.name(),
                    resource,
                    "SUCCESS",
                    address,
                    found.reason(),
                    found.relation() == Relation.EMERGENCY));
            return new AccessDecision(patient, found.relation(), found.level(), action);
        }
        // Someone who may read the record knows it exists: they are told the action is not theirs.
        boolean mayView = action != RecordAction.VIEW
                && grounds(actor, patient, RecordAction.VIEW, clock.instant()).isPresent();
        recordRefusal(new AuditEntry(
                actor == null ? null : actor.userId().value(),
                roleOf(actor),
                patient == null ? null : patient.value(),
                "RECORD_" + action.name(),
                resource,
                "DENIED",
                address,
                null,
                false));
        if (mayView) {
            throw action == RecordAction.WRITE ? AccessRefusal.clinicalEntriesReadOnly() : AccessRefusal.notAllowed();
        }
        throw new NotFound();
    }

    /**
     * Whether {@code user} may act for {@code patient} (book, cancel, see appointments): the patient,
     * a parent of a child under 15 or a FULL grantee. Audited as {@link RecordAction#ACT_FOR}.
     */
    boolean mayActFor(UserId user, PatientId patient) {
        var account = identity.account(user);
        if (account.isEmpty()) {
            return false;
        }
        try {
            require(signedIn(account.get()), patient, RecordAction.ACT_FOR);
            return true;
        } catch (NotFound | AccessRefusal refused) {
            return false;
        }
    }

    /**
     * Whether {@code user} may act for {@code patient} now, asked for whom to tell about the patient's
     * appointments rather than to open anything: decided as {@link #mayActFor} decides, not audited.
     */
    boolean stillActsFor(UserId user, PatientId patient) {
        return identity.account(user)
                .map(account -> grounds(signedIn(account), patient, RecordAction.ACT_FOR, clock.instant())
                        .isPresent())
                .orElse(false);
    }

    /** The records {@code actor} may switch between: their own first, then children, then delegated. */
    public List<RecordRef> records(SignedInUser actor) {
        if (actor == null) {
            return List.of();
        }
        Instant now = clock.instant();
        var found = new ArrayList<RecordRef>();
        Set<PatientId> seen = new LinkedHashSet<>();
        if (actor.patientId() != null && seen.add(actor.patientId())) {
            found.add(new RecordRef(actor.patientId(), Relation.SELF, AccessLevel.FULL));
        }
        for (PatientId bound : requests.boundRecords(actor.userId())) {
            if (seen.add(bound)) {
                found.add(new RecordRef(bound, Relation.SELF, AccessLevel.FULL));
            }
        }
        for (PatientId child : guardianships.childrenOf(actor.userId())) {
            if (isChildUnderAge(child, now) && seen.add(child)) {
                found.add(new RecordRef(child, Relation.PARENT, AccessLevel.FULL));
            }
        }
        for (var grant : grants.activeFor(actor.userId())) {
            if (seen.add(grant.patientId())) {
                found.add(new RecordRef(grant.patientId(), Relation.GRANTEE, grant.level()));
            }
        }
        return found;
    }

    /**
     * Which of {@code patients} are in {@code doctor}'s care now (SPEC F4): for work lists such as
     * the verification queue, whose entries are then opened one by one through {@link #require}.
     * It tells only which of the ids the caller already holds a doctor may open as their clinician,
     * never anything of a record, so it is not an access to record data and leaves no audit entry.
     */
    public Set<PatientId> inCare(SignedInUser doctor, Collection<PatientId> patients) {
        if (doctor == null || !doctor.has(Role.DOCTOR)) {
            return Set.of();
        }
        Instant now = clock.instant();
        Set<PatientId> found = new LinkedHashSet<>();
        for (PatientId patient : patients) {
            if (care.cares(doctor, patient, now)) {
                found.add(patient);
            }
        }
        return found;
    }

    /**
     * Opens one record for a clinic's export, asked through {@link ClinicPatients#requireExport}:
     * allowed while {@code admin} administers {@code clinic} and the clinic cares for the patient, as
     * {@link Relation#CLINIC} with {@link RecordAction#DOWNLOAD}; one audit entry either way, {@code
     * reason} naming the export.
     *
     * @throws NotFound when either no longer holds
     */
    AccessDecision requireExport(UserId admin, ClinicId clinic, PatientId patient, String reason) {
        boolean allowed = clinicCare.administrator(admin, clinic).isPresent()
                && patient != null
                && clinicCare.caresFor(clinic, patient);
        var entry = new AuditEntry(
                admin.value(),
                allowed ? Relation.CLINIC.name() : Role.CLINIC_ADMIN.name(),
                patient == null ? null : patient.value(),
                "RECORD_" + RecordAction.DOWNLOAD.name(),
                null,
                allowed ? "SUCCESS" : "DENIED",
                null,
                reason,
                false);
        if (!allowed) {
            recordRefusal(entry);
            throw new NotFound();
        }
        audit.record(entry);
        return new AccessDecision(patient, Relation.CLINIC, AccessLevel.VIEW_DOWNLOAD, RecordAction.DOWNLOAD);
    }

    private Optional<Grounds> grounds(SignedInUser actor, PatientId patient, RecordAction action, Instant now) {
        if (actor == null || patient == null) {
            return Optional.empty();
        }
        if (action == RecordAction.IMPORT) {
            return importGrounds(actor, patient);
        }
        if (patient.equals(actor.patientId()) && action != RecordAction.WRITE) {
            return Optional.of(new Grounds(Relation.SELF, AccessLevel.FULL, null));
        }
        // A record the clinic keeps, bound to the account by an approved record-access request (SPEC E0).
        if (action != RecordAction.WRITE && requests.bound(actor.userId(), patient)) {
            return Optional.of(new Grounds(Relation.SELF, AccessLevel.FULL, "record-access request"));
        }
        if (action != RecordAction.WRITE
                && guardianships.linked(actor.userId(), patient)
                && isChildUnderAge(patient, now)) {
            return Optional.of(new Grounds(Relation.PARENT, AccessLevel.FULL, null));
        }
        var level = grants.activeLevel(actor.userId(), patient);
        if (level.isPresent() && allows(level.get(), action)) {
            return Optional.of(new Grounds(Relation.GRANTEE, level.get(), null));
        }
        boolean clinical =
                action == RecordAction.VIEW || action == RecordAction.DOWNLOAD || action == RecordAction.WRITE;
        if (clinical && actor.has(Role.DOCTOR) && care.cares(actor, patient, now)) {
            return Optional.of(new Grounds(Relation.CLINICIAN, AccessLevel.VIEW_DOWNLOAD, null));
        }
        // A paramedic reads (never writes) the record of the patient they asked a doctor about (issue 23).
        if ((action == RecordAction.VIEW || action == RecordAction.DOWNLOAD)
                && actor.has(Role.PARAMEDIC)
                && care.paramedicCares(actor, patient, now)) {
            return Optional.of(new Grounds(Relation.CLINICIAN, AccessLevel.VIEW_DOWNLOAD, "paramedic"));
        }
        if ((action == RecordAction.VIEW || action == RecordAction.DOWNLOAD) && actor.has(Role.DOCTOR)) {
            var reason = emergencies.openReason(actor.userId(), patient, now);
            if (reason.isPresent()) {
                return Optional.of(new Grounds(Relation.EMERGENCY, AccessLevel.VIEW_DOWNLOAD, reason.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Who may import another system's resources into a record (SPEC I3): a platform administrator
     * any record, a doctor, registrar or clinic administrator one their clinic cares for.
     */
    private Optional<Grounds> importGrounds(SignedInUser actor, PatientId patient) {
        if (actor.has(Role.PLATFORM_ADMIN)) {
            return Optional.of(new Grounds(Relation.STAFF, AccessLevel.VIEW_DOWNLOAD, "platform"));
        }
        boolean staff = actor.has(Role.DOCTOR) || actor.has(Role.REGISTRAR) || actor.has(Role.CLINIC_ADMIN);
        if (staff && clinicCare.cares(actor.userId(), patient)) {
            return Optional.of(new Grounds(Relation.STAFF, AccessLevel.VIEW_DOWNLOAD, "clinic"));
        }
        return Optional.empty();
    }

    /** What a grant's level lets its holder do (seed 001: «только просмотр», «просмотр и скачивание», «полный контроль»). */
    static boolean allows(AccessLevel level, RecordAction action) {
        return switch (action) {
            case VIEW -> true;
            case DOWNLOAD -> level != AccessLevel.VIEW;
            case CONTRIBUTE, ACT_FOR -> level == AccessLevel.FULL;
            case WRITE, MANAGE_ACCESS, IMPORT -> false;
        };
    }

    /** Whether the child is younger than {@code medkarta.access.adult-age} at {@code now}. */
    boolean isChildUnderAge(PatientId child, Instant now) {
        LocalDate born = identity.patient(child).map(AccountView::birthDate).orElse(null);
        return born != null && Ages.under(born, properties.adultAge(), now, properties.zone());
    }

    /** Records a refusal so that the caller's rollback cannot erase it. */
    void recordRefusal(AuditEntry entry) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // After the caller's transaction is over, whichever way it went: it may hold the head of the
            // chain, and the NotFound thrown now rolls it back.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    separate.executeWithoutResult(s -> audit.record(entry));
                }
            });
        } else {
            audit.record(entry);
        }
    }

    private static SignedInUser signedIn(AccountView account) {
        return new SignedInUser(
                account.userId(), account.firstName(), account.patientId(), account.roles(), "REPRESENTATION");
    }

    static String roleOf(SignedInUser actor) {
        if (actor == null) {
            return "ANONYMOUS";
        }
        for (Role role : List.of(
                Role.DOCTOR,
                Role.PARAMEDIC,
                Role.REGISTRAR,
                Role.CLINIC_ADMIN,
                Role.PLATFORM_ADMIN,
                Role.SUPPORT,
                Role.PATIENT)) {
            if (actor.has(role)) {
                return role.name();
            }
        }
        return "USER";
    }

    /** The HTTP request being served, for the audit entry's resource and address; none in a job. */
    static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }
}
