package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.fhir.ImportEntry.Result;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.RecordImport;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.PatientId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files an imported Bundle's entries, once {@link BundleReferences} has said whose record each is
 * ({@link FhirImport}): one access decision per record, the duplicates the record already holds
 * ({@link ImportFingerprints}), each resource mapped to its kind of record entry ({@link
 * ImportMapping}) and filed by the record module ({@link RecordImport}) or kept as a source
 * document, and each Patient kept as it came beside its record. A transaction files each record's
 * resources at once, inside the caller's transaction; a batch each resource in a transaction of its
 * own.
 */
@Component
class ImportFiling {

    private final FhirContext context;
    private final RecordImport imports;
    private final RecordAccess access;
    private final BundleReferences references;
    private final TransactionTemplate transaction;

    ImportFiling(
            FhirContext context,
            RecordImport imports,
            RecordAccess access,
            BundleReferences references,
            TransactionTemplate transaction) {
        this.context = context;
        this.imports = imports;
        this.access = access;
        this.references = references;
        this.transaction = transaction;
    }

    /** A patient's own file is what they add to a record; anything else is an import by staff. */
    static RecordAction action(SignedInUser actor, boolean own) {
        return own && actor.has(Role.PATIENT) ? RecordAction.CONTRIBUTE : RecordAction.IMPORT;
    }

    /**
     * Files {@code items}, each already given its patient or refused; sets what became of each.
     *
     * @param atomic a transaction's entries, filed within the caller's transaction
     */
    void file(
            List<ImportEntry> items,
            SignedInUser actor,
            UUID importId,
            boolean own,
            ImportWords words,
            boolean atomic,
            Map<PatientId, AccessDecision> decisions) {
        var byPatient = new LinkedHashMap<PatientId, List<ImportEntry>>();
        for (var item : items) {
            if (!item.refused() && !(item.resource instanceof Patient)) {
                byPatient.computeIfAbsent(item.patient, p -> new ArrayList<>()).add(item);
            }
        }
        for (var item : items) {
            if (item.resource instanceof Patient && !item.refused()) {
                decide(item.patient, actor, own, decisions, words).ifPresent(item::refuse);
            }
        }
        var terser = context.newTerser();
        var hashing = context.newJsonParser();
        hashing.setDontEncodeElements(Set.of("*.id", "*.meta", "*.text", "*.identifier"));
        for (var group : byPatient.entrySet()) {
            var patient = group.getKey();
            var refusal = decide(patient, actor, own, decisions, words);
            if (refusal.isPresent()) {
                group.getValue().forEach(item -> item.refuse(refusal.get()));
                continue;
            }
            var decision = decisions.get(patient);
            var probes = new LinkedHashMap<String, String>();
            for (var item : group.getValue()) {
                ImportFingerprints.identify(item, terser, hashing);
                probes.put(item.sourceKey, item.fingerprint);
            }
            var known = imports.known(decision, probes);
            for (var item : group.getValue()) {
                var existing = known.get(item.sourceKey);
                if (existing != null) {
                    item.id = existing;
                    item.result = Result.DUPLICATE;
                } else {
                    item.id = UUID.nameUUIDFromBytes(
                            (patient.value() + "|" + item.sourceKey).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        // References become Medkarta's, then each resource is filed.
        references.rewrite(items, terser);
        // A transaction files each record's resources at once (a few statements for all of them); a
        // batch one by one, each in a transaction of its own.
        var pending = new LinkedHashMap<PatientId, List<Map.Entry<ImportEntry, RecordImport.Incoming>>>();
        for (var item : items) {
            if (item.refused()) {
                continue;
            }
            if (item.resource instanceof Patient patient) {
                if (!own) {
                    // A patient's own file does not speak for who they are: their record does.
                    keepPatient(item, patient, actor, importId, decisions.get(item.patient), atomic);
                }
                continue;
            }
            if (item.result == Result.DUPLICATE) {
                continue;
            }
            var decision = decisions.get(item.patient);
            var mapped = ImportMapping.map(item.resource);
            item.resource.setIdElement(new IdType(item.type, item.id.toString()));
            item.resource.setMeta(null);
            var incoming = new RecordImport.Incoming(
                    item.id,
                    item.type,
                    item.sourceKey,
                    item.fingerprint,
                    item.likeness,
                    mapped == null ? null : mapped.type(),
                    mapped == null ? Map.of() : mapped.fields(),
                    context.newJsonParser().encodeResourceToString(item.resource));
            if (atomic) {
                pending.computeIfAbsent(item.patient, p -> new ArrayList<>()).add(Map.entry(item, incoming));
                continue;
            }
            try {
                filed(item, transaction.execute(status -> imports.file(decision, actor, importId, incoming)), words);
            } catch (DuplicateKeyException concurrent) {
                item.result = Result.DUPLICATE;
            }
        }
        for (var record : pending.entrySet()) {
            var filing = record.getValue();
            var filed = imports.fileAll(
                    decisions.get(record.getKey()),
                    actor,
                    importId,
                    filing.stream().map(Map.Entry::getValue).toList());
            for (int i = 0; i < filing.size(); i++) {
                filed(filing.get(i).getKey(), filed.get(i), words);
            }
        }
    }

    /** What became of an item, as its record filed it. */
    private void filed(ImportEntry item, RecordImport.Filed filed, ImportWords words) {
        item.id = filed.id();
        item.similarTo = filed.similarTo();
        item.result = switch (filed.outcome()) {
            case CREATED -> Result.CREATED;
            case KEPT -> Result.KEPT;
            case DUPLICATE -> Result.DUPLICATE;
        };
        if (filed.unmapped() != null) {
            item.message = words.say("kept-unmapped", words.invalidText(filed.unmapped()));
        } else if (filed.outcome() == RecordImport.Outcome.KEPT) {
            item.message = words.say("kept", item.type);
        }
    }

    private java.util.Optional<String> decide(
            PatientId patient,
            SignedInUser actor,
            boolean own,
            Map<PatientId, AccessDecision> decisions,
            ImportWords words) {
        try {
            decisions.computeIfAbsent(patient, record -> access.require(actor, record, action(actor, own)));
            return java.util.Optional.empty();
        } catch (DomainException refused) {
            return java.util.Optional.of(words.say("patient-not-yours"));
        }
    }

    /** The Patient as it came is kept beside the record, for the export to give back what Medkarta does not model. */
    private void keepPatient(
            ImportEntry item,
            Patient patient,
            SignedInUser actor,
            UUID importId,
            AccessDecision decision,
            boolean atomic) {
        var terser = context.newTerser();
        var hashing = context.newJsonParser();
        hashing.setDontEncodeElements(Set.of("*.id", "*.meta", "*.text"));
        ImportFingerprints.identify(item, terser, hashing);
        var known = imports.known(decision, Map.of(item.sourceKey, item.fingerprint));
        if (known.containsKey(item.sourceKey)) {
            return;
        }
        patient.setIdElement(new IdType("Patient", item.patient.value().toString()));
        patient.setMeta(null);
        var incoming = new RecordImport.Incoming(
                UUID.nameUUIDFromBytes(
                        ("patient|" + item.patient.value() + "|" + item.sourceKey).getBytes(StandardCharsets.UTF_8)),
                "Patient",
                item.sourceKey,
                item.fingerprint,
                null,
                null,
                Map.of(),
                context.newJsonParser().encodeResourceToString(patient));
        if (atomic) {
            imports.file(decision, actor, importId, incoming);
        } else {
            transaction.execute(status -> imports.file(decision, actor, importId, incoming));
        }
    }
}
