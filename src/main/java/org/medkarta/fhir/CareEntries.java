package org.medkarta.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.EntryCursor;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntrySummary;
import org.medkarta.record.EntryType;
import org.medkarta.record.RecordFilter;
import org.medkarta.record.RecordReading;
import org.medkarta.shared.NotFound;

/**
 * The record entries behind MedicationRequest and Immunization, read as the record API reads them:
 * one decision of the policy point per record ({@link PatientScope}), then the record's list and
 * entries through {@link RecordReading}, which shows the patient account only what order 003
 * Appendix 1 lets it show (prescriptions and vaccinations are not among those, so a patient, a parent
 * or a grantee finds none) and a clinician the whole record.
 */
final class CareEntries {

    /** One entry of a record the caller may see, with the decision that let them. */
    record Found(AccessDecision decision, EntrySummary entry) {}

    private CareEntries() {}

    /** An entry of {@code type} by its id, after the policy point said yes for its record; else 404. */
    static EntryDetail read(PatientScope scope, RecordReading record, UUID entryId, EntryType type) {
        var decision = scope.read(record.recordOf(entryId).orElseThrow(NotFound::new));
        var entry = record.entry(decision, entryId);
        if (entry.type() != type) {
            throw new NotFound();
        }
        return entry;
    }

    /** Every entry of {@code type} within {@code dates} of the decided records, newest first. */
    static List<Found> list(
            RecordReading record, List<AccessDecision> decisions, EntryType type, PatientScope.Range dates) {
        var found = new ArrayList<Found>();
        if (dates.isEmpty()) {
            return found;
        }
        for (var decision : decisions) {
            EntryCursor after = null;
            do {
                var page = record.record(
                        decision,
                        new RecordFilter(type, dates.fromDay(), dates.toDay(), after, RecordFilter.MAX_LIMIT));
                page.entries().forEach(entry -> found.add(new Found(decision, entry)));
                after = page.next();
            } while (after != null);
        }
        found.sort(Comparator.comparing((Found each) -> each.entry().date()).reversed());
        return found;
    }

    /** Opens the entries of one page only, through the decision that found each. */
    static EntryDetail open(RecordReading record, Found found) {
        return record.entry(found.decision(), found.entry().id());
    }
}
