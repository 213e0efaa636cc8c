package org.medkarta.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.IdentityDocument;
import org.medkarta.access.RecordAction;
import org.medkarta.access.Relation;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.Identity;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.PatientRegistered;
import org.medkarta.identity.PolicyKind;
import org.medkarta.identity.PolicyView;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Phone;
import org.medkarta.shared.Snils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The medical record's API (SPEC E1-E4, E6, E7): the record as its reader may see it, entries with
 * their versions, clinicians' entries and corrections, the patient's contact data and laboratory
 * charts.
 *
 * <p>Every method that reads or writes a patient's data takes the {@link AccessDecision} the
 * access module's policy point gave for this request; the decision names the record, so no method
 * takes a patient id of its own. Nothing here is ever deleted: a correction or «entered in error»
 * is a new version with its author and reason.
 */
@Service
public class MedicalRecord {

    /** Who reads the record through the patient account (order 003, Appendix 1), not as a clinician. */
    static final Set<Relation> PATIENT_SIDE = EnumSet.of(Relation.SELF, Relation.PARENT, Relation.GRANTEE);

    /** Whose opening of an entry takes its «new» mark away: the patient and their legal representative. */
    private static final Set<Relation> PATIENT_THEMSELF = EnumSet.of(Relation.SELF, Relation.PARENT);

    private static final Set<Relation> CLINICAL = EnumSet.of(Relation.CLINICIAN, Relation.EMERGENCY);

    private static final Set<RecordAction> READ_ALONG =
            EnumSet.of(RecordAction.VIEW, RecordAction.DOWNLOAD, RecordAction.CONTRIBUTE, RecordAction.WRITE);

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final Patients patients;
    private final Entries entries;
    private final Identity identity;
    private final PatientRecords identifiers;
    private final RecordNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MedicalRecord(
            Patients patients,
            Entries entries,
            Identity identity,
            PatientRecords identifiers,
            RecordNotices notices,
            ApplicationEventPublisher events,
            Clock clock) {
        this.patients = patients;
        this.entries = entries;
        this.identity = identity;
        this.identifiers = identifiers;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The record: the header of Appendix 1 and the entries that match the filter. The patient, a
     * parent and a grantee see what the patient account shows (Appendix 1, rows 6-9, from their
     * dates); a clinician sees the whole record, entries entered in error included. One page of
     * them: {@link RecordFilter#limit()} at most, after {@link RecordFilter#after()}.
     */
    @Transactional
    public RecordView record(AccessDecision decision, RecordFilter filter) {
        expect(decision, RecordAction.VIEW);
        var patient = open(decision.patient());
        boolean patientAccount = patientAccount(decision);
        var rows = entries.list(decision.patient(), filter, patientAccount);
        EntryCursor next = null;
        if (rows.size() > filter.limit()) {
            rows = rows.subList(0, filter.limit());
            var last = rows.get(rows.size() - 1);
            next = new EntryCursor(last.date(), last.createdAt(), last.id());
        }
        var list = rows.stream()
                .map(row -> new EntrySummary(
                        row.id(),
                        row.type(),
                        row.date(),
                        row.title(),
                        row.status(),
                        row.seenAt() == null && row.shownInPatientAccount(),
                        row.flag()))
                .toList();
        return new RecordView(
                header(patient),
                list,
                patientAccount,
                !patientAccount && identifiers.sharesPolicy(decision.patient()),
                next);
    }

    /** The header of Appendix 1 alone: name without the last name, age in full years, sex. */
    @Transactional
    public PatientHeader header(AccessDecision decision) {
        expect(decision, RecordAction.VIEW);
        return header(open(decision.patient()));
    }

    /**
     * One entry. In the patient account only an entry Appendix 1 lets it show, without its history;
     * opening it there takes its «new» mark away.
     *
     * @throws NotFound for an entry of another record, or one the patient account does not show
     */
    @Transactional
    public EntryDetail entry(AccessDecision decision, UUID entryId) {
        expect(decision, RecordAction.VIEW);
        var row = entries.find(decision.patient(), entryId).orElseThrow(NotFound::new);
        boolean patientAccount = patientAccount(decision);
        if (patientAccount && !row.shownInPatientAccount()) {
            throw new NotFound();
        }
        if (PATIENT_THEMSELF.contains(decision.relation()) && row.seenAt() == null) {
            entries.markSeen(row.id(), clock.instant());
        }
        return detail(
                row, entries.fields(row.id(), row.version()), patientAccount ? List.of() : entries.versions(row.id()));
    }

    /**
     * Whose record an entry belongs to, for a caller that knows only the entry's id (a FHIR read) to
     * ask the access module's policy point about that record before opening the entry with {@link
     * #entry}. It reads nothing of the entry itself, so it needs no decision.
     */
    @Transactional(readOnly = true)
    public Optional<PatientId> recordOf(UUID entryId) {
        return entryId == null ? Optional.empty() : entries.patientOf(entryId);
    }

    /** The header for a clinician's form page: only a clinician with a decision to write gets it. */
    @Transactional
    public PatientHeader clinicianHeader(AccessDecision decision, SignedInUser clinician) {
        expectClinician(decision, clinician);
        return header(open(decision.patient()));
    }

    /** The entry as it stands, for a clinician's correction form. */
    @Transactional(readOnly = true)
    public EntryDetail entryToCorrect(AccessDecision decision, SignedInUser clinician, UUID entryId) {
        expectClinician(decision, clinician);
        var row = entries.find(decision.patient(), entryId).orElseThrow(NotFound::new);
        return detail(row, entries.fields(row.id(), row.version()), List.of());
    }

    /**
     * Files a clinician's entry. An entry matching one in force (same type, code, date and value)
     * is refused with {@link DuplicateEntry} unless the form confirms it (SPEC E7).
     *
     * @return the new entry's id
     */
    @Transactional
    public UUID add(AccessDecision decision, SignedInUser clinician, EntryForm form) {
        expectClinician(decision, clinician);
        if (form.type() == null) {
            throw new InvalidInput("type", "validation.required");
        }
        open(decision.patient());
        var content = EntryContent.of(form.type(), form.fields(), today());
        if (!form.confirmDuplicate()) {
            entries.duplicateOf(decision.patient(), content, null).ifPresent(existing -> {
                throw new DuplicateEntry(existing);
            });
        }
        return file(decision.patient(), content, "CLINICIAN", null, clinician, blankToNull(form.reason()));
    }

    /** A correction: a new version of the entry with the reason for it; the old one stays in the history. */
    @Transactional
    public void correct(AccessDecision decision, SignedInUser clinician, UUID entryId, EntryForm form) {
        expectClinician(decision, clinician);
        var current = entries.find(decision.patient(), entryId).orElseThrow(NotFound::new);
        String reason = requireReason(form.reason());
        if (current.status() == EntryStatus.ENTERED_IN_ERROR) {
            throw new InvalidInput("reason", "record.validation.entered-in-error");
        }
        var content = EntryContent.of(current.type(), form.fields(), today());
        if (!form.confirmDuplicate()) {
            entries.duplicateOf(decision.patient(), content, current.id()).ifPresent(existing -> {
                throw new DuplicateEntry(existing);
            });
        }
        newVersion(current, EntryStatus.AMENDED, content, clinician, reason);
    }

    /** Marks an entry entered in error (FHIR {@code entered-in-error}): a new version, nothing erased. */
    @Transactional
    public void enteredInError(AccessDecision decision, SignedInUser clinician, UUID entryId, String reason) {
        expectClinician(decision, clinician);
        var current = entries.find(decision.patient(), entryId).orElseThrow(NotFound::new);
        String why = requireReason(reason);
        if (current.status() == EntryStatus.ENTERED_IN_ERROR) {
            return;
        }
        var content = EntryContent.stored(current.type(), entries.fields(current.id(), current.version()));
        newVersion(current, EntryStatus.ENTERED_IN_ERROR, content, clinician, why);
    }

    /** The laboratory tests a reader may chart, with how many results each has (SPEC E4). */
    @Transactional(readOnly = true)
    public List<LabSeries.Test> labTests(AccessDecision decision) {
        expect(decision, RecordAction.VIEW);
        return entries.labTests(decision.patient(), labFrom(decision));
    }

    /**
     * One laboratory test over time with each result's reference range (SPEC E4); in the patient
     * account from 2019 (Appendix 1, row 8).
     */
    @Transactional(readOnly = true)
    public LabSeries labSeries(AccessDecision decision, String testCode) {
        expect(decision, RecordAction.VIEW);
        String code = testCode == null ? "" : testCode.strip().toUpperCase(Locale.ROOT);
        var rows = entries.labResults(decision.patient(), code, labFrom(decision));
        if (rows.isEmpty()) {
            throw new NotFound();
        }
        var last = rows.get(rows.size() - 1);
        return new LabSeries(
                code,
                last.title(),
                last.unit(),
                rows.stream()
                        .map(row -> new LabSeries.Point(
                                row.date(), row.value(), row.referenceLow(), row.referenceHigh(), row.flag()))
                        .toList());
    }

    /** The patient's extra contacts, addresses and the history of their changes. */
    @Transactional
    public ContactsView contacts(AccessDecision decision) {
        expect(decision, RecordAction.VIEW);
        var patient = open(decision.patient());
        return new ContactsView(
                patients.contacts(decision.patient()).stream()
                        .map(c -> new ContactsView.Contact(c.id(), c.kind(), c.contact(), c.addedAt()))
                        .toList(),
                patient.actualAddress(),
                patient.registrationAddress(),
                patients.changes(decision.patient()).stream()
                        .map(c -> new ContactsView.Change(
                                c.field(), c.oldValue(), c.newValue(), c.reason(), c.authorName(), c.at()))
                        .toList());
    }

    /**
     * Adds an extra phone or e-mail (seed 002).
     *
     * @param kind {@code PHONE} or {@code EMAIL}
     */
    @Transactional
    public void addContact(AccessDecision decision, SignedInUser actor, String kind, String value) {
        expect(decision, RecordAction.CONTRIBUTE);
        open(decision.patient());
        String normalised;
        if ("PHONE".equals(kind)) {
            normalised = Phone.parse(value, "value").e164();
        } else if ("EMAIL".equals(kind)) {
            normalised = Email.parse(value, "value").address();
        } else {
            throw new InvalidInput("kind", "record.validation.contact-kind");
        }
        boolean known = patients.contacts(decision.patient()).stream()
                .anyMatch(c -> c.contact().equalsIgnoreCase(normalised));
        if (known) {
            throw new InvalidInput("value", "record.validation.contact-known");
        }
        Instant now = clock.instant();
        patients.addContact(decision.patient(), kind, normalised, now);
        patients.logChange(decision.patient(), kind, null, normalised, null, actor.userId(), actor.displayName(), now);
    }

    @Transactional
    public void removeContact(AccessDecision decision, SignedInUser actor, UUID contact) {
        expect(decision, RecordAction.CONTRIBUTE);
        Instant now = clock.instant();
        String removed =
                patients.removeContact(decision.patient(), contact, now).orElseThrow(NotFound::new);
        patients.logChange(
                decision.patient(), "CONTACT", removed, null, null, actor.userId(), actor.displayName(), now);
    }

    /**
     * Changes the actual or the registration address (seed 002).
     *
     * @param which {@code ACTUAL} or {@code REGISTRATION}
     */
    @Transactional
    public void changeAddress(AccessDecision decision, SignedInUser actor, String which, String address) {
        expect(decision, RecordAction.CONTRIBUTE);
        var patient = open(decision.patient());
        String text = address == null ? "" : address.strip();
        if (text.isEmpty()) {
            throw new InvalidInput("address", "validation.required");
        }
        if (text.length() > 500) {
            throw new InvalidInput("address", "record.validation.too-long", 500);
        }
        String column;
        String old;
        if ("ACTUAL".equals(which)) {
            column = "actual_address";
            old = patient.actualAddress();
        } else if ("REGISTRATION".equals(which)) {
            column = "registration_address";
            old = patient.registrationAddress();
        } else {
            throw new InvalidInput("which", "record.validation.address-kind");
        }
        if (!text.equals(old)) {
            patients.change(
                    decision.patient(),
                    which + "_ADDRESS",
                    column,
                    text,
                    old,
                    text,
                    null,
                    actor.userId(),
                    actor.displayName(),
                    clock.instant());
        }
    }

    /** Staff set sex, SNILS (checksum-checked) and the OMS policy (SPEC E1), each change logged. */
    @Transactional
    public void changeIdentity(AccessDecision decision, SignedInUser clinician, IdentityForm form) {
        expectClinician(decision, clinician);
        var patient = open(decision.patient());
        var errors = new FieldErrors();
        String sex = blankToNull(form.sex());
        if (sex != null && !Set.of("MALE", "FEMALE").contains(sex.toUpperCase(Locale.ROOT))) {
            errors.reject("sex", "record.validation.choice");
        }
        Snils snils = blankToNull(form.snils()) == null ? null : errors.check(() -> Snils.parse(form.snils(), "snils"));
        String oms = blankToNull(form.omsNumber());
        if (oms != null && !oms.replaceAll("\\s", "").matches("\\d{16}")) {
            errors.reject("omsNumber", "record.validation.oms");
        }
        LocalDate validTo = null;
        if (blankToNull(form.omsValidTo()) != null) {
            try {
                validTo = LocalDate.parse(form.omsValidTo().strip());
            } catch (DateTimeParseException e) {
                errors.reject("omsValidTo", "record.validation.date");
            }
        }
        String insurer = blankToNull(form.omsInsurer());
        if (insurer != null && insurer.length() > 200) {
            errors.reject("omsInsurer", "record.validation.too-long", 200);
        }
        errors.throwIfAny();
        String reason = blankToNull(form.reason());
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
            identifiers.recordSnils(clinician, id, snils);
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
            identifiers.recordOms(clinician, id, number, insurer, validTo);
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
     * The patient, their parent or a full-control grantee records the identity document (SPEC E1):
     * a Russian passport, a birth certificate or another document, each checked for its own form; it
     * replaces the one the record held, the change logged with its author.
     *
     * @throws InvalidInput naming each wrong field ({@code documentType}, {@code documentSeries},
     *     {@code documentNumber}, {@code documentIssuedOn}, {@code documentIssuer})
     */
    @Transactional
    public IdentityDocument changeIdentityDocument(
            AccessDecision decision, SignedInUser actor, IdentityDocumentForm form) {
        expect(decision, RecordAction.CONTRIBUTE);
        var errors = new FieldErrors();
        var document = document(decision.patient(), form, errors);
        errors.throwIfAny();
        store(decision.patient(), document, null, actor, clock.instant());
        return document;
    }

    /** The document as typed, checked against the record's birth date; null when any field is wrong. */
    private IdentityDocument document(PatientId patient, IdentityDocumentForm form, FieldErrors errors) {
        var row = open(patient);
        // Not issued later than today anywhere on Earth: the patient's zone is not the server's.
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.ofHours(14));
        return IdentityDocument.read(
                form.type(),
                form.series(),
                form.number(),
                form.issuedOn(),
                form.issuer(),
                row.birthDate(),
                today,
                errors);
    }

    private void store(PatientId patient, IdentityDocument document, String reason, SignedInUser actor, Instant at) {
        var was = open(patient).document();
        if (!document.equals(was)) {
            patients.changeDocument(
                    patient, document, Patients.text(was), reason, actor.userId(), actor.displayName(), at);
        }
    }

    /**
     * Whether {@code clinician} may change the SNILS and the OMS policy here: the registry of a clinic
     * caring for the patient only (SPEC F4, issue 12); a doctor sees them and the identity form
     * leaves them out.
     */
    @Transactional(readOnly = true)
    public boolean changesIdentifiers(AccessDecision decision, SignedInUser clinician) {
        expect(decision, RecordAction.VIEW);
        return identifiers.keepsRegistry(clinician, decision.patient());
    }

    /**
     * The patient's SNILS and insurance policies with insurer and validity (SPEC E1), as identity
     * keeps them: the record's identity section.
     */
    @Transactional(readOnly = true)
    public RecordIdentifiers identifiers(AccessDecision decision) {
        expect(decision, RecordAction.VIEW);
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
        for (PolicyView policy : identifiers.sharedPolicies()) {
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

    /** Opens the record of a newly registered patient with the name and birth date they gave. */
    @ApplicationModuleListener
    void on(PatientRegistered registered) {
        patients.openIfAbsent(
                registered.patientId(),
                registered.lastName(),
                registered.firstName(),
                registered.patronymic(),
                registered.birthDate(),
                registered.at());
    }

    /**
     * Files an exam protocol that arrives from elsewhere (a consultation's protocol by event, a
     * verified upload), once per {@code sourceRef}. Not public: callers are this module's own event
     * listeners, which run after the access decision was taken where the protocol was written.
     */
    @Transactional
    UUID fileFrom(
            PatientId patient,
            EntryType type,
            Map<String, String> fields,
            String source,
            String sourceRef,
            SignedInUser author) {
        if (sourceRef != null && entries.existsBySource(sourceRef)) {
            return null;
        }
        open(patient);
        var content = EntryContent.of(type, fields, today());
        return file(patient, content, source, sourceRef, author, null);
    }

    /** A consultation protocol as an exam protocol entry (the consultation module sends it by event). */
    UUID fileConsultationProtocol(
            PatientId patient,
            UUID consultation,
            SignedInUser doctor,
            LocalDate date,
            String specialty,
            String complaints,
            String examination,
            String conclusion,
            String recommendations) {
        return fileExamProtocol(
                patient,
                "CONSULTATION",
                "consultation:" + consultation,
                doctor,
                date,
                specialty,
                complaints,
                examination,
                conclusion,
                recommendations);
    }

    /**
     * An exam protocol entry from another module's visit (a consultation, a home visit), filed once
     * by its {@code sourceRef}: the one path every protocol takes into the record.
     *
     * @return the new entry, or null when the visit's protocol was filed before
     */
    UUID fileExamProtocol(
            PatientId patient,
            String source,
            String sourceRef,
            SignedInUser doctor,
            LocalDate date,
            String specialty,
            String complaints,
            String examination,
            String conclusion,
            String recommendations) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("date", date.toString());
        fields.put("specialty", specialty);
        if (complaints != null) {
            fields.put("complaints", complaints);
        }
        fields.put("examination", examination);
        fields.put("conclusion", conclusion);
        if (recommendations != null) {
            fields.put("recommendations", recommendations);
        }
        return fileFrom(patient, EntryType.EXAM_PROTOCOL, fields, source, sourceRef, doctor);
    }

    private UUID file(
            PatientId patient,
            EntryContent content,
            String source,
            String sourceRef,
            SignedInUser author,
            String reason) {
        Instant now = clock.instant();
        UUID id =
                entries.insert(patient, content, source, sourceRef, author.userId(), author.displayName(), reason, now);
        events.publishEvent(new EntryChanged(id, patient, content.type(), 1, EntryStatus.CURRENT, now));
        var probe = new Entries.Row(
                id,
                patient,
                content.type(),
                EntryStatus.CURRENT,
                1,
                content.date(),
                content.code(),
                content.title(),
                null,
                null,
                null,
                null,
                null,
                content.radiology(),
                source,
                null,
                now,
                now);
        if (probe.shownInPatientAccount()) {
            notices.entryArrived(patient, id, content.type(), content.title(), content.date());
        }
        return id;
    }

    private void newVersion(
            Entries.Row current, EntryStatus status, EntryContent content, SignedInUser clinician, String reason) {
        Instant now = clock.instant();
        if (!entries.newVersion(current, status, content, clinician.userId(), clinician.displayName(), reason, now)) {
            throw new OptimisticLockingFailureException("entry " + current.id() + " changed meanwhile");
        }
        events.publishEvent(new EntryChanged(
                current.id(), current.patientId(), current.type(), current.version() + 1, status, now));
    }

    /** Opens the record if it is not yet (the registration event may still be on its way). */
    void ensureOpen(PatientId patient) {
        open(patient);
    }

    /** The record row, opened from the patient's account on first use when the event has not arrived yet. */
    /** The record's patient row, opened from the account on first use. */
    Patients.Row open(PatientId patient) {
        return patients.find(patient).orElseGet(() -> {
            AccountView account = identity.patient(patient).orElseThrow(NotFound::new);
            patients.openIfAbsent(
                    patient,
                    account.lastName(),
                    account.firstName(),
                    account.patronymic(),
                    account.birthDate(),
                    clock.instant());
            return patients.find(patient).orElseThrow(NotFound::new);
        });
    }

    private PatientHeader header(Patients.Row patient) {
        return PatientHeader.of(
                patient.lastName(),
                patient.firstName(),
                patient.patronymic(),
                patient.birthDate(),
                patient.sex(),
                today());
    }

    /** An entry as its row and current fields show it, with the history the reader may see. */
    static EntryDetail detail(Entries.Row row, Map<String, String> fields, List<EntryVersion> history) {
        return new EntryDetail(
                row.id(),
                row.patientId(),
                row.type(),
                row.status(),
                row.version(),
                row.date(),
                row.code(),
                row.title(),
                ordered(row.type(), fields),
                row.value(),
                row.unit(),
                row.referenceLow(),
                row.referenceHigh(),
                row.flag(),
                row.source(),
                history);
    }

    private static Map<String, String> ordered(EntryType type, Map<String, String> fields) {
        var ordered = new LinkedHashMap<String, String>();
        type.fields().forEach(spec -> {
            if (fields.containsKey(spec.name())) {
                ordered.put(spec.name(), fields.get(spec.name()));
            }
        });
        return ordered;
    }

    private LocalDate labFrom(AccessDecision decision) {
        return patientAccount(decision)
                ? EntryType.LAB_RESULT.shownToPatientFrom(false).orElseThrow()
                : EARLIEST;
    }

    static boolean patientAccount(AccessDecision decision) {
        return PATIENT_SIDE.contains(decision.relation());
    }

    /**
     * The decision must be for what the method does: a decision to view never writes. Reading is
     * allowed by any decision to download, add or write, so that a refused form can show the page
     * again within the same request.
     */
    static void expect(AccessDecision decision, RecordAction action) {
        if (action == RecordAction.VIEW && READ_ALONG.contains(decision.action())) {
            return;
        }
        if (decision.action() != action) {
            throw new IllegalArgumentException("a " + decision.action() + " decision used to " + action);
        }
    }

    /** Clinical entries are entered by clinicians only (SPEC E6); patients change contact data alone. */
    static void expectClinician(AccessDecision decision, SignedInUser clinician) {
        expect(decision, RecordAction.WRITE);
        if (!CLINICAL.contains(decision.relation()) || clinician == null || !clinician.has(Role.DOCTOR)) {
            throw new ClinicalEntriesReadOnly();
        }
    }

    private static String requireReason(String reason) {
        String text = blankToNull(reason);
        if (text == null) {
            throw new InvalidInput("reason", "record.validation.reason");
        }
        if (text.length() > 1000) {
            throw new InvalidInput("reason", "record.validation.too-long", 1000);
        }
        return text;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
