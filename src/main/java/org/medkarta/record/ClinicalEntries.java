package org.medkarta.record;

import java.util.List;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinicians' entries (SPEC E6, E7): a clinician with a decision to write files an entry, corrects
 * one (a new version with its reason) or marks it entered in error; nothing is ever deleted. An
 * entry matching one in force is refused as a duplicate unless the form confirms it (E7). Patients
 * never write clinical entries ({@link ClinicalEntriesReadOnly}).
 */
@Service
public class ClinicalEntries {

    private final Entries entries;
    private final RecordFiling filing;

    ClinicalEntries(Entries entries, RecordFiling filing) {
        this.entries = entries;
        this.filing = filing;
    }

    /** The header for a clinician's form page: only a clinician with a decision to write gets it. */
    @Transactional
    public PatientHeader clinicianHeader(AccessDecision decision, SignedInUser clinician) {
        RecordRules.expectClinician(decision, clinician);
        return filing.patientHeader(filing.open(decision.patient()));
    }

    /** The entry as it stands, for a clinician's correction form. */
    @Transactional(readOnly = true)
    public EntryDetail entryToCorrect(AccessDecision decision, SignedInUser clinician, UUID entryId) {
        RecordRules.expectClinician(decision, clinician);
        var row = entries.find(decision.patient(), entryId).orElseThrow(NotFound::new);
        return RecordRules.detail(row, entries.fields(row.id(), row.version()), List.of());
    }

    /**
     * Files a clinician's entry. An entry matching one in force (same type, code, date and value)
     * is refused with {@link DuplicateEntry} unless the form confirms it (SPEC E7).
     *
     * @return the new entry's id
     */
    @Transactional
    public UUID add(AccessDecision decision, SignedInUser clinician, EntryForm form) {
        RecordRules.expectClinician(decision, clinician);
        if (form.type() == null) {
            throw new InvalidInput("type", "validation.required");
        }
        filing.open(decision.patient());
        var content = EntryContent.of(form.type(), form.fields(), filing.today());
        if (!form.confirmDuplicate()) {
            entries.duplicateOf(decision.patient(), content, null).ifPresent(existing -> {
                throw new DuplicateEntry(existing);
            });
        }
        return filing.file(
                decision.patient(), content, "CLINICIAN", null, clinician, RecordRules.blankToNull(form.reason()));
    }

    /** A correction: a new version of the entry with the reason for it; the old one stays in the history. */
    @Transactional
    public void correct(AccessDecision decision, SignedInUser clinician, UUID entryId, EntryForm form) {
        RecordRules.expectClinician(decision, clinician);
        var current = entries.find(decision.patient(), entryId).orElseThrow(NotFound::new);
        String reason = RecordRules.requireReason(form.reason());
        if (current.status() == EntryStatus.ENTERED_IN_ERROR) {
            throw new InvalidInput("reason", "record.validation.entered-in-error");
        }
        var content = EntryContent.of(current.type(), form.fields(), filing.today());
        if (!form.confirmDuplicate()) {
            entries.duplicateOf(decision.patient(), content, current.id()).ifPresent(existing -> {
                throw new DuplicateEntry(existing);
            });
        }
        filing.newVersion(current, EntryStatus.AMENDED, content, clinician, reason);
    }

    /** Marks an entry entered in error (FHIR {@code entered-in-error}): a new version, nothing erased. */
    @Transactional
    public void enteredInError(AccessDecision decision, SignedInUser clinician, UUID entryId, String reason) {
        RecordRules.expectClinician(decision, clinician);
        var current = entries.find(decision.patient(), entryId).orElseThrow(NotFound::new);
        String why = RecordRules.requireReason(reason);
        if (current.status() == EntryStatus.ENTERED_IN_ERROR) {
            return;
        }
        var content = EntryContent.stored(current.type(), entries.fields(current.id(), current.version()));
        filing.newVersion(current, EntryStatus.ENTERED_IN_ERROR, content, clinician, why);
    }
}
