package org.medkarta.record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAction;
import org.medkarta.access.Relation;
import org.medkarta.identity.RegistryIdentifiers;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the medical record (SPEC E2–E4; order 003, Appendix 1): the record page by page with its
 * header, one entry with its history, whose record an entry is, and laboratory tests charted over
 * time. The patient, a parent and a grantee see what the patient account shows, from Appendix 1's
 * dates; a clinician sees the whole record, entries entered in error included.
 *
 * <p>Every method takes the {@link AccessDecision} the access module's policy point gave for this
 * request; the decision names the record, so no method takes a patient id of its own.
 */
@Service
public class RecordReading {

    /** Whose opening of an entry takes its «new» mark away: the patient and their legal representative. */
    private static final Set<Relation> PATIENT_THEMSELF = EnumSet.of(Relation.SELF, Relation.PARENT);

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final Entries entries;
    private final RegistryIdentifiers identifiers;
    private final RecordFiling filing;
    private final Clock clock;

    RecordReading(Entries entries, RegistryIdentifiers identifiers, RecordFiling filing, Clock clock) {
        this.entries = entries;
        this.identifiers = identifiers;
        this.filing = filing;
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
        RecordRules.expect(decision, RecordAction.VIEW);
        var patient = filing.open(decision.patient());
        boolean patientAccount = RecordRules.patientAccount(decision);
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
                filing.patientHeader(patient),
                list,
                patientAccount,
                !patientAccount && identifiers.sharesPolicy(decision.patient()),
                next);
    }

    /** The header of Appendix 1 alone: name without the last name, age in full years, sex. */
    @Transactional
    public PatientHeader header(AccessDecision decision) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return filing.patientHeader(filing.open(decision.patient()));
    }

    /**
     * One entry. In the patient account only an entry Appendix 1 lets it show, without its history;
     * opening it there takes its «new» mark away.
     *
     * @throws NotFound for an entry of another record, or one the patient account does not show
     */
    @Transactional
    public EntryDetail entry(AccessDecision decision, UUID entryId) {
        RecordRules.expect(decision, RecordAction.VIEW);
        var row = entries.find(decision.patient(), entryId).orElseThrow(NotFound::new);
        boolean patientAccount = RecordRules.patientAccount(decision);
        if (patientAccount && !row.shownInPatientAccount()) {
            throw new NotFound();
        }
        if (PATIENT_THEMSELF.contains(decision.relation()) && row.seenAt() == null) {
            entries.markSeen(row.id(), clock.instant());
        }
        return RecordRules.detail(
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
    /** The laboratory tests a reader may chart, with how many results each has (SPEC E4). */
    @Transactional(readOnly = true)
    public List<LabSeries.Test> labTests(AccessDecision decision) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return entries.labTests(decision.patient(), labFrom(decision));
    }

    /**
     * One laboratory test over time with each result's reference range (SPEC E4); in the patient
     * account from 2019 (Appendix 1, row 8).
     */
    @Transactional(readOnly = true)
    public LabSeries labSeries(AccessDecision decision, String testCode) {
        RecordRules.expect(decision, RecordAction.VIEW);
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

    private LocalDate labFrom(AccessDecision decision) {
        return RecordRules.patientAccount(decision)
                ? EntryType.LAB_RESULT.shownToPatientFrom(false).orElseThrow()
                : EARLIEST;
    }
}
