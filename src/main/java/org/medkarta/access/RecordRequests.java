package org.medkarta.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.files.FileContent;
import org.medkarta.files.FileId;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.files.StoredFile;
import org.medkarta.identity.PersonFields;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.Ages;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Snils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient asks a clinic to open the record it keeps for them (SPEC E0; seed 001, «доступ к ЭМК
 * открывается по заявлению с документами»; seed 003): a phone number is not proof of identity, so a
 * self-registered account sees a clinic's record only once the clinic has checked an identity
 * document, the OMS policy and the SNILS, typed and scanned. A parent files the same request for a
 * child under 15. Until the request is approved the account sees nothing of that record.
 *
 * <p>The registry's side (the queue, taking, approving and refusing) is {@link RecordRequestQueue}.
 *
 * <p>Scans are kept as long as the law requires medical documents to be: there is no path that
 * deletes them. Only the requesting account and the registry staff of the clinic the request went to
 * may open them; anyone else, staff of other clinics included, gets {@link NotFound}.
 */
@Service
public class RecordRequests {

    /** At most this many scans with one request: the document, the policy, the SNILS card and two more pages. */
    static final int MAX_SCANS = 5;

    private final RecordRequestStore store;
    private final RecordRequestMatching matching;
    private final RecordRequestDecisions decisions;
    private final RecordRequestNotices notices;
    private final ClinicCareRelationships care;
    private final ClinicCatalogue clinics;
    private final Files files;
    private final RecordRequestReads reads;
    private final TransactionTemplate transaction;
    private final AccessProperties properties;
    private final Clock clock;

    RecordRequests(
            RecordRequestStore store,
            RecordRequestMatching matching,
            RecordRequestDecisions decisions,
            RecordRequestNotices notices,
            ClinicCareRelationships care,
            ClinicCatalogue clinics,
            Files files,
            RecordRequestReads reads,
            TransactionTemplate transaction,
            AccessProperties properties,
            Clock clock) {
        this.store = store;
        this.matching = matching;
        this.decisions = decisions;
        this.notices = notices;
        this.care = care;
        this.clinics = clinics;
        this.files = files;
        this.reads = reads;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Files a request to the chosen clinic, or one to each clinic that keeps a record matching the
     * person by SNILS, OMS policy or name and birth date. A clinic that approves exact matches
     * automatically approves at once a request whose SNILS, policy, full name and birth date agree
     * with the one record it keeps; every other request waits in the clinic's registry queue. The
     * requester is told either way.
     *
     * @throws InvalidInput naming every wrong field and scan; {@code clinicId} when no clinic keeps a
     *     matching record for a request to all clinics
     * @throws AccessRefusal {@code request-open} (409) when an open request of this account for this
     *     person to that clinic exists; {@code patient-only} (403) for an account that is not a patient's
     */
    public List<RecordRequestView> file(SignedInUser actor, RecordRequestForm form, List<RecordRequestScan> scans) {
        if (actor == null) {
            throw new NotFound();
        }
        if (!actor.has(Role.PATIENT)) {
            throw AccessRefusal.patientOnly();
        }
        Instant now = clock.instant();
        var errors = new FieldErrors();
        String lastName = PersonFields.name(form.lastName(), "lastName", true, errors);
        String firstName = PersonFields.name(form.firstName(), "firstName", true, errors);
        String patronymic = PersonFields.name(form.patronymic(), "patronymic", false, errors);
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        LocalDate birthDate = PersonFields.birthDate(form.birthDate(), "birthDate", today, errors);
        if (birthDate != null
                && form.forChild()
                && !Ages.under(birthDate, properties.adultAge(), now, properties.zone())) {
            // Order 003 §23.2: from 15 the child manages their record and files the request themself.
            errors.reject("birthDate", "access.request.validation.child-of-age", properties.adultAge());
        }
        var document = IdentityDocument.read(
                form.documentType(),
                form.documentSeries(),
                form.documentNumber(),
                form.documentIssuedOn(),
                form.documentIssuer(),
                birthDate,
                today,
                errors);
        String oms = PersonFields.omsNumber(form.omsNumber(), "omsNumber", errors);
        Snils snils = errors.check(() -> Snils.parse(form.snils(), "snils"));
        ClinicId chosen = chosenClinic(form, errors);
        checkScans(scans, errors);
        errors.throwIfAny();

        var person = new RecordRequestMatching.Person(
                lastName, firstName, patronymic, birthDate, snils.digits(), oms, actor.patientId());
        List<ClinicId> targets = chosen != null ? List.of(chosen) : matching.clinicsKeeping(person);
        if (targets.isEmpty()) {
            throw new InvalidInput("clinicId", "access.request.validation.no-clinic");
        }
        try {
            var filed = transaction.execute(status -> {
                var stored = scans.stream()
                        .map(scan -> new Stored(
                                scan.kind(),
                                files.store(
                                        FilePurpose.IDENTITY_SCAN,
                                        actor.userId(),
                                        scan.field(),
                                        scan.name(),
                                        scan.content())))
                        .toList();
                var rows = new ArrayList<RecordRequestStore.Row>();
                for (ClinicId clinic : targets) {
                    if (store.openExists(actor.userId(), clinic, snils.digits())) {
                        throw AccessRefusal.requestOpen();
                    }
                    var row = new RecordRequestStore.Row(
                            UUID.randomUUID(),
                            actor.userId(),
                            form.forChild(),
                            clinic,
                            RecordRequestState.SUBMITTED,
                            lastName,
                            firstName,
                            patronymic,
                            birthDate,
                            document.type(),
                            document.series(),
                            document.number(),
                            document.issuedOn(),
                            document.issuer(),
                            oms,
                            snils.digits(),
                            now,
                            null,
                            null,
                            false,
                            null,
                            null);
                    store.insert(row);
                    int position = 0;
                    for (Stored scan : stored) {
                        store.insertScan(row.id(), scan.kind(), scan.file().id().value(), position++);
                    }
                    notices.changed(row, RecordRequestState.SUBMITTED, decisions.clinicName(row), null);
                    if (store.autoApproves(clinic)) {
                        var exact = matching.exactMatch(clinic, person);
                        if (exact.isPresent() && childStillUnderAge(row, exact.get(), now)) {
                            decisions.approve(
                                    row,
                                    RecordRequestState.SUBMITTED,
                                    actor.userId(),
                                    exact.get().patientId(),
                                    true);
                        }
                    }
                    rows.add(row);
                }
                return rows.stream()
                        .map(row -> decisions.view(store.find(row.id()).orElseThrow()))
                        .toList();
            });
            return filed;
        } catch (DuplicateKeyException race) {
            // Another request from the same account for the same person and clinic committed first.
            throw AccessRefusal.requestOpen();
        }
    }

    /** A scan stored once, for every request it goes with. */
    private record Stored(RecordRequestScan.Subject kind, StoredFile file) {}

    /** The caller's own requests, newest first: for themself and for their children; each an audited read. */
    public List<RecordRequestView> mine(SignedInUser actor) {
        if (actor == null) {
            throw new NotFound();
        }
        var own = store.ofAccount(actor.userId());
        reads.listed(actor, own, RecordRequestReads.Reader.AUTHOR);
        return own.stream().map(decisions::view).toList();
    }

    /**
     * One request, for its author or the registry staff of its clinic; the read is audited.
     *
     * @throws NotFound for anyone else, and for an unknown id
     */
    public RecordRequestView one(SignedInUser actor, UUID id) {
        var request = readable(actor, id, RecordRequestReads.REQUEST_READ, "record-access-request " + id);
        return decisions.view(request);
    }

    /**
     * A scan of a request, for its author or the registry staff of its clinic; the read is audited.
     *
     * @throws NotFound for anyone else, staff of other clinics included, and for an unknown id
     */
    public FileContent scan(SignedInUser actor, UUID id, UUID scan) {
        var request =
                readable(actor, id, RecordRequestReads.SCAN_READ, "record-access-request " + id + " scan " + scan);
        var found = store.scans(request.id()).stream()
                .filter(row -> row.id().equals(scan))
                .findFirst()
                .orElseThrow(NotFound::new);
        return files.open(new FileId(found.file()));
    }

    private RecordRequestStore.Row readable(SignedInUser actor, UUID id, String action, String what) {
        if (actor == null || id == null) {
            throw new NotFound();
        }
        var request = store.find(id).orElseThrow(NotFound::new);
        var reader = request.account().equals(actor.userId())
                ? RecordRequestReads.Reader.AUTHOR
                : care.registryClinics(actor.userId()).contains(request.clinic())
                        ? RecordRequestReads.Reader.REGISTRY
                        : RecordRequestReads.Reader.NOBODY;
        reads.record(actor, request, reader, action, what);
        if (reader == RecordRequestReads.Reader.NOBODY) {
            throw new NotFound();
        }
        return request;
    }

    /** A child's record is bound to a parent only while the child is under 15 (order 003 §23.2). */
    private boolean childStillUnderAge(RecordRequestStore.Row row, RecordCandidate record, Instant now) {
        return !row.forChild() || Ages.under(record.birthDate(), properties.adultAge(), now, properties.zone());
    }

    private ClinicId chosenClinic(RecordRequestForm form, FieldErrors errors) {
        if (form.allClinics() || form.clinicId() == null || form.clinicId().isBlank()) {
            return null;
        }
        try {
            var clinic = new ClinicId(UUID.fromString(form.clinicId().strip()));
            clinics.card(clinic);
            return clinic;
        } catch (IllegalArgumentException | NotFound unknown) {
            errors.reject("clinicId", "access.request.validation.clinic");
            return null;
        }
    }

    private void checkScans(List<RecordRequestScan> scans, FieldErrors errors) {
        if (scans.stream().noneMatch(scan -> scan.kind() == RecordRequestScan.Subject.IDENTITY_DOCUMENT)) {
            errors.reject("documentScan", "access.request.validation.document-scan");
        }
        if (scans.size() > MAX_SCANS) {
            errors.reject("scans", "access.request.validation.too-many-scans", MAX_SCANS);
            return;
        }
        for (RecordRequestScan scan : scans) {
            if (!errors.has(scan.field())) {
                errors.check(() -> files.check(FilePurpose.IDENTITY_SCAN, scan.field(), scan.content()));
            }
        }
    }
}
