package org.medkarta.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.RecordImport;
import org.medkarta.shared.LongTransaction;
import org.medkarta.shared.PatientId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a patient's record from another system (SPEC I3, E7; issue 15): a FHIR R4 {@code
 * transaction} Bundle all or nothing, a {@code batch} entry by entry, and a patient's own file
 * ({@code Patient/{id}/$import}) as patient-reported.
 *
 * <p>Each Patient in the Bundle is the record it names explicitly ({@code PUT Patient/{id}}), or the
 * record with its SNILS, then its OMS policy; a record with the same name and birth date in the
 * importer's care is a candidate that the importer confirms by naming it, never merged silently;
 * otherwise a new record is created at the importer's clinic. Every other resource belongs to the
 * patient it refers to (directly, or through the resources it refers to or that refer to it); one
 * that refers to two patients, or to a record the importer may not import into, is refused. {@code
 * urn:uuid:} and {@code Type/id} references within the Bundle become Medkarta's ids, conditional
 * references to a patient ({@code Patient?identifier=…}) the patient's record, other conditional
 * references (a practitioner or organisation of the sending system) logical references by
 * identifier. Then the record module files each resource ({@link RecordImport}).
 *
 * <p>This class runs the stages and holds a transaction's bounds; the stages are {@link
 * BundleReferences} (whose record each entry is, with {@link PatientMatching} for the Patients),
 * {@link ImportFiling} (duplicates, mapping and filing, with {@link ImportFingerprints}) and {@link
 * ImportResponse} (the response Bundle and the report), over one {@link ImportEntry} per entry.
 */
@Component
class FhirImport {

    private final BundleReferences references;
    private final ImportFiling filing;
    private final RecordAccess access;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final int maxEntries;

    FhirImport(
            BundleReferences references,
            ImportFiling filing,
            RecordAccess access,
            TransactionTemplate transaction,
            MessageSource messages,
            @Value("${medkarta.fhir.import.max-entries:20000}") int maxEntries) {
        this.references = references;
        this.filing = filing;
        this.access = access;
        this.transaction = transaction;
        this.messages = messages;
        this.maxEntries = maxEntries;
    }

    /**
     * Imports {@code bundle}.
     *
     * @param into the record a patient's own import goes into ({@code $import}), or null
     * @return the {@code transaction-response} or {@code batch-response} Bundle, each entry's outcome
     *     telling what became of it, and the counts
     */
    Imported run(Bundle bundle, SignedInUser actor, PatientId into, Locale locale) {
        var words = new ImportWords(messages, locale);
        if (bundle.getType() != BundleType.TRANSACTION && bundle.getType() != BundleType.BATCH) {
            throw ImportResponse.invalid(words.say("bundle-type"));
        }
        if (bundle.getEntry().size() > maxEntries) {
            throw FhirErrors.failure(
                    413, IssueType.TOOCOSTLY, words.say("too-many-entries", maxEntries), "payload-too-large");
        }
        // A patient's own file goes into a record they may add to; any other answers 404 at once.
        // One decision per record and run, so a record the run names many times is one audit entry.
        AccessDecision intoDecision =
                into == null ? null : access.require(actor, into, ImportFiling.action(actor, true));
        boolean atomic = bundle.getType() == BundleType.TRANSACTION;
        UUID importId = UUID.randomUUID();
        List<ImportEntry> items;
        if (atomic) {
            items = retryOnce(() -> transaction.execute(status -> {
                // Filing a Bundle takes seconds: its audit entries wait for the commit, so the
                // chain's head is not locked against every other writer meanwhile.
                LongTransaction.mark();
                var decisions = decisions(into, intoDecision);
                var run = references.resolve(bundle, actor, into, words, decisions);
                var refused = run.stream().filter(ImportEntry::refused).toList();
                if (!refused.isEmpty()) {
                    status.setRollbackOnly();
                    return run;
                }
                filing.file(run, actor, importId, into != null, words, true, decisions);
                if (run.stream().anyMatch(ImportEntry::refused)) {
                    // A record the importer may not write into: all or nothing, so nothing.
                    status.setRollbackOnly();
                }
                return run;
            }));
            var refused = items.stream().filter(ImportEntry::refused).toList();
            if (!refused.isEmpty()) {
                throw ImportResponse.refusedTransaction(refused, words);
            }
        } else {
            var decisions = decisions(into, intoDecision);
            items = references.resolve(bundle, actor, into, words, decisions);
            filing.file(items, actor, importId, into != null, words, false, decisions);
        }
        return ImportResponse.response(items, atomic, words);
    }

    private static <T> T retryOnce(Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException concurrentImport) {
            // Another import of the same resources committed first: this run now finds them filed.
            return work.get();
        } catch (PessimisticLockingFailureException deadlock) {
            // PostgreSQL chose this whole transaction to break a deadlock (its audit entries take the
            // chain's head at the commit, see LongTransaction): nothing of it stayed, so again.
            return work.get();
        }
    }

    private static Map<PatientId, AccessDecision> decisions(PatientId into, AccessDecision intoDecision) {
        var decisions = new HashMap<PatientId, AccessDecision>();
        if (into != null) {
            decisions.put(into, intoDecision);
        }
        return decisions;
    }

    /** The answer to an import: the response Bundle and its counts. */
    record Imported(Bundle bundle, Report report) {}

    /** What an import did, in numbers (SPEC I3's report). */
    record Report(int created, int matched, int duplicates, int kept, int refused, int warnings) {

        String header() {
            return "created=" + created + "; matched=" + matched + "; duplicates=" + duplicates + "; kept=" + kept
                    + "; refused=" + refused + "; warnings=" + warnings;
        }
    }
}
