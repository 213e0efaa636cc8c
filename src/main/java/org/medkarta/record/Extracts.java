package org.medkarta.record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAction;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.files.FileContent;
import org.medkarta.files.FileId;
import org.medkarta.files.Files;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Extracts of the record as PDFs (SPEC E10, issue 17; seed 001 «Выписки и заключения»: the person
 * chooses what the extract is for, «система формирует документ в формате PDF», «все материалы
 * защищены цифровой подписью»). Whoever may download from the record orders one: the patient, a
 * parent of a child under 15, a grantee with {@code VIEW_DOWNLOAD} or {@code FULL}, and a doctor in
 * the patient's care (seed 001: medical workers «формировать … электронные выписки»). A grantee who
 * may only view is told the action is not theirs (403), as the record's other downloads do; anyone
 * else gets 404 from the policy point.
 *
 * <p>The extract shows what its orderer may read: on the patient's side what the patient account
 * shows (order 003, Appendix 1), for a clinician the whole record; never an entry entered in error.
 * It is produced in the background ({@link ExtractWorker}) and kept with the record: its list is
 * part of the record's documents.
 */
@Service
public class Extracts {

    private final ExtractJobs jobs;
    private final ExtractSources sources;
    private final ExtractWorker worker;
    private final RecordFiling filing;
    private final ClinicCatalogue clinics;
    private final Files files;
    private final Clock clock;

    Extracts(
            ExtractJobs jobs,
            ExtractSources sources,
            ExtractWorker worker,
            RecordFiling filing,
            ClinicCatalogue clinics,
            Files files,
            Clock clock) {
        this.jobs = jobs;
        this.sources = sources;
        this.worker = worker;
        this.filing = filing;
        this.clinics = clinics;
        this.files = files;
        this.clock = clock;
    }

    /**
     * The sections the holder of {@code decision} may choose: on the patient's side the kinds the
     * patient account shows, for a clinician every kind.
     */
    public static List<EntryType> sectionsFor(AccessDecision decision) {
        return RecordRules.patientAccount(decision) ? EntryType.shownToPatients() : List.of(EntryType.values());
    }

    /** The clinics that may issue the record's extract, the default one first. */
    @Transactional(readOnly = true)
    public List<ExtractClinic> issuers(AccessDecision decision) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return sources.issuers(decision.patient());
    }

    /**
     * Orders an extract; it is produced in the background, starting at once on this node.
     *
     * @throws InvalidInput naming {@code sections} (a kind unknown or not the reader's), {@code from}
     *     or {@code to} (not a date, in the future, or the end before the start), {@code clinicId}
     *     (not a clinic that keeps or wrote the record)
     */
    @Transactional
    public ExtractView order(AccessDecision decision, SignedInUser orderer, ExtractForm form) {
        RecordRules.expect(decision, RecordAction.DOWNLOAD);
        var errors = new FieldErrors();
        var allowed = sectionsFor(decision);
        var chosen = new LinkedHashSet<EntryType>();
        for (String section : form.sections()) {
            if (section == null || section.isBlank()) {
                continue;
            }
            EntryType type = null;
            try {
                type = EntryType.valueOf(section.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // refused below
            }
            if (type == null || !allowed.contains(type)) {
                errors.reject("sections", "record.extract.validation.section", section.strip());
            } else {
                chosen.add(type);
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = errors.check(() -> date(form.from(), "from"));
        LocalDate to = errors.check(() -> date(form.to(), "to"));
        if (from != null && from.isAfter(today)) {
            errors.reject("from", "record.extract.validation.future");
        }
        if (to != null && to.isAfter(today)) {
            errors.reject("to", "record.extract.validation.future");
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.reject("to", "record.validation.date-order");
        }
        var issuers = sources.issuers(decision.patient());
        ClinicId clinic = null;
        if (form.clinicId() != null && !form.clinicId().isBlank()) {
            clinic = errors.check(() -> {
                var id = new ClinicId(TypedId.parse(form.clinicId(), "clinicId"));
                if (issuers.stream().noneMatch(issuer -> issuer.id().equals(id))) {
                    throw new InvalidInput("clinicId", "record.extract.validation.clinic");
                }
                return id;
            });
        } else if (!issuers.isEmpty()) {
            clinic = issuers.get(0).id();
        }
        errors.throwIfAny();
        // In the order of the record's kinds, whatever order they were ticked in.
        var sections = EnumSet.noneOf(EntryType.class);
        sections.addAll(chosen.isEmpty() ? allowed : chosen);
        filing.open(decision.patient());
        var id = UUID.randomUUID();
        jobs.insert(
                id,
                decision.patient(),
                orderer.userId(),
                decision.relation(),
                List.copyOf(sections),
                from,
                to,
                clinic,
                clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.startSoon();
                }
            });
        }
        return view(jobs.find(id).orElseThrow());
    }

    /** The extracts of the record, newest first: part of the record's documents. */
    @Transactional(readOnly = true)
    public List<ExtractView> list(AccessDecision decision) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return jobs.ofPatient(decision.patient(), 100).stream().map(this::view).toList();
    }

    /**
     * Whose record an extract belongs to, for a caller that knows only the extract's id to ask the
     * policy point about that record first. It reads nothing of the extract, so it needs no decision.
     */
    @Transactional(readOnly = true)
    public Optional<PatientId> recordOf(UUID extract) {
        return extract == null ? Optional.empty() : jobs.patientOf(extract);
    }

    /**
     * One extract and its progress.
     *
     * @throws NotFound when it is not an extract of the decision's record
     */
    @Transactional(readOnly = true)
    public ExtractView extract(AccessDecision decision, UUID id) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return view(row(decision, id));
    }

    /**
     * The extract's PDF, byte for byte as signed.
     *
     * @throws NotFound when it is not an extract of the decision's record
     * @throws ExtractNotReady when it is not done (yet, or at all)
     */
    @Transactional(readOnly = true)
    public FileContent pdf(AccessDecision decision, UUID id) {
        RecordRules.expect(decision, RecordAction.DOWNLOAD);
        var row = row(decision, id);
        if (row.state() != ExtractState.DONE) {
            throw new ExtractNotReady(row.state());
        }
        return files.open(new FileId(row.pdfFile()));
    }

    /**
     * The issuing clinic's detached CAdES-BES signature (DER) of the PDF.
     *
     * @throws NotFound when it is not an extract of the decision's record, or it is not signed
     * @throws ExtractNotReady when it is not done
     */
    @Transactional(readOnly = true)
    public FileContent signature(AccessDecision decision, UUID id) {
        RecordRules.expect(decision, RecordAction.DOWNLOAD);
        var row = row(decision, id);
        if (row.state() != ExtractState.DONE) {
            throw new ExtractNotReady(row.state());
        }
        if (row.signatureFile() == null) {
            throw new NotFound();
        }
        return files.open(new FileId(row.signatureFile()));
    }

    private ExtractJobs.Row row(AccessDecision decision, UUID id) {
        return jobs.find(id)
                .filter(found -> found.patient().equals(decision.patient()))
                .orElseThrow(NotFound::new);
    }

    private ExtractView view(ExtractJobs.Row row) {
        String clinicName = null;
        if (row.clinic() != null) {
            try {
                clinicName = clinics.card(row.clinic()).name();
            } catch (NotFound gone) {
                clinicName = null;
            }
        }
        return new ExtractView(
                row.id(),
                row.patient(),
                row.state(),
                row.progress(),
                row.sections(),
                row.from(),
                row.to(),
                row.clinic(),
                clinicName,
                row.orderedAt(),
                row.finishedAt(),
                row.failure(),
                row.entries(),
                row.signatureFile() != null,
                row.signerName(),
                row.signerSerial(),
                row.verifyUrl());
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput(field, "record.validation.date");
        }
    }
}
