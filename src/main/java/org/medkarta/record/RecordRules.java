package org.medkarta.record;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAction;
import org.medkarta.access.Relation;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;

/**
 * The rules every facade of the record holds: which decision serves which action, that clinical
 * entries are the clinicians' (SPEC E6), who reads as the patient account (order 003, Appendix 1),
 * and how an entry is shown.
 */
final class RecordRules {

    private RecordRules() {}

    /** Who reads the record through the patient account (order 003, Appendix 1), not as a clinician. */
    static final Set<Relation> PATIENT_SIDE = EnumSet.of(Relation.SELF, Relation.PARENT, Relation.GRANTEE);

    private static final Set<Relation> CLINICAL = EnumSet.of(Relation.CLINICIAN, Relation.EMERGENCY);

    private static final Set<RecordAction> READ_ALONG =
            EnumSet.of(RecordAction.VIEW, RecordAction.DOWNLOAD, RecordAction.CONTRIBUTE, RecordAction.WRITE);

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

    /** The reason a correction or an «entered in error» must give. */
    static String requireReason(String reason) {
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
}
