package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.PatientRecordForm;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.RecordImport;
import org.medkarta.record.RecordReading;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
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
 */
@Component
class FhirImport {

    /** What became of one entry, for the response Bundle and the report. */
    enum Result {
        CREATED,
        MATCHED,
        DUPLICATE,
        KEPT,
        REFUSED
    }

    /** One entry of the Bundle on its way in. */
    private static final class Item {
        final int index;
        final BundleEntryComponent entry;
        final Resource resource;
        final String type;
        final Set<Integer> refersTo = new LinkedHashSet<>();
        final Set<PatientId> patients = new LinkedHashSet<>();
        PatientId patient;
        UUID id;
        String sourceKey;
        String fingerprint;
        String likeness;
        Result result;
        String message;
        UUID similarTo;

        Item(int index, BundleEntryComponent entry) {
            this.index = index;
            this.entry = entry;
            this.resource = entry.getResource();
            this.type = resource == null ? null : resource.fhirType();
        }

        boolean refused() {
            return result == Result.REFUSED;
        }

        void refuse(String text) {
            if (result != Result.REFUSED) {
                result = Result.REFUSED;
                message = text;
            }
        }
    }

    /** The words of a refusal, in the caller's language. */
    private final class Words {
        private final Locale locale;

        Words(Locale locale) {
            this.locale = locale;
        }

        String say(String key, Object... args) {
            return messages.getMessage("fhir.import." + key, args, key, locale);
        }
    }

    private final FhirContext context;
    private final RecordImport imports;
    private final RecordReading record;
    private final RecordAccess access;
    private final PatientRecords patients;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final int maxEntries;

    FhirImport(
            FhirContext context,
            RecordImport imports,
            RecordReading record,
            RecordAccess access,
            PatientRecords patients,
            TransactionTemplate transaction,
            MessageSource messages,
            @Value("${medkarta.fhir.import.max-entries:20000}") int maxEntries) {
        this.context = context;
        this.imports = imports;
        this.record = record;
        this.access = access;
        this.patients = patients;
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
        var words = new Words(locale);
        if (bundle.getType() != BundleType.TRANSACTION && bundle.getType() != BundleType.BATCH) {
            throw invalid(words.say("bundle-type"));
        }
        if (bundle.getEntry().size() > maxEntries) {
            throw FhirErrors.failure(
                    413, IssueType.TOOCOSTLY, words.say("too-many-entries", maxEntries), "payload-too-large");
        }
        // A patient's own file goes into a record they may add to; any other answers 404 at once.
        // One decision per record and run, so a record the run names many times is one audit entry.
        AccessDecision intoDecision = into == null ? null : access.require(actor, into, action(actor, true));
        boolean atomic = bundle.getType() == BundleType.TRANSACTION;
        UUID importId = UUID.randomUUID();
        List<Item> items;
        if (atomic) {
            items = retryOnce(() -> transaction.execute(status -> {
                var decisions = decisions(into, intoDecision);
                var run = prepare(bundle, actor, into, words, true, decisions);
                var refused = run.stream().filter(Item::refused).toList();
                if (!refused.isEmpty()) {
                    status.setRollbackOnly();
                    return run;
                }
                file(run, actor, importId, into != null, words, true, decisions);
                if (run.stream().anyMatch(Item::refused)) {
                    // A record the importer may not write into: all or nothing, so nothing.
                    status.setRollbackOnly();
                }
                return run;
            }));
            var refused = items.stream().filter(Item::refused).toList();
            if (!refused.isEmpty()) {
                throw refusedTransaction(refused, words);
            }
        } else {
            var decisions = decisions(into, intoDecision);
            items = prepare(bundle, actor, into, words, false, decisions);
            file(items, actor, importId, into != null, words, false, decisions);
        }
        return response(items, atomic, words);
    }

    private static <T> T retryOnce(Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException concurrentImport) {
            // Another import of the same resources committed first: this run now finds them filed.
            return work.get();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Who each entry is about.

    private static Map<PatientId, AccessDecision> decisions(PatientId into, AccessDecision intoDecision) {
        var decisions = new HashMap<PatientId, AccessDecision>();
        if (into != null) {
            decisions.put(into, intoDecision);
        }
        return decisions;
    }

    private List<Item> prepare(
            Bundle bundle,
            SignedInUser actor,
            PatientId into,
            Words words,
            boolean atomic,
            Map<PatientId, AccessDecision> decisions) {
        var items = new ArrayList<Item>();
        var byUrl = new HashMap<String, Integer>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            var item = new Item(i, bundle.getEntry().get(i));
            items.add(item);
            if (item.resource == null) {
                item.refuse(words.say("no-resource"));
                continue;
            }
            var method = item.entry.getRequest().getMethod();
            if (method != null && method != HTTPVerb.POST && method != HTTPVerb.PUT && method != HTTPVerb.NULL) {
                item.refuse(words.say("method", method.toCode()));
                continue;
            }
            if (item.entry.hasFullUrl()) {
                byUrl.put(item.entry.getFullUrl(), i);
            }
            String idPart = item.resource.getIdElement().getIdPart();
            if (idPart != null) {
                byUrl.putIfAbsent(item.type + "/" + idPart, i);
            }
        }
        var terser = context.newTerser();
        // Patients first: each becomes a record.
        for (var item : items) {
            if (!item.refused() && item.resource instanceof Patient patient) {
                resolvePatient(item, patient, actor, into, words, atomic, decisions);
            }
        }
        // What every other entry refers to.
        for (var item : items) {
            if (item.refused() || item.resource instanceof Patient) {
                continue;
            }
            for (var reference : terser.getAllPopulatedChildElementsOfType(item.resource, Reference.class)) {
                String target = reference.getReference();
                if (target == null || target.startsWith("#")) {
                    continue;
                }
                Integer inBundle = byUrl.get(target);
                if (inBundle == null && !target.startsWith("urn:") && !target.contains("?")) {
                    var parsed = new IdType(target);
                    inBundle = byUrl.get(parsed.getResourceType() + "/" + parsed.getIdPart());
                }
                if (inBundle != null) {
                    var other = items.get(inBundle);
                    if (other.resource instanceof Patient) {
                        if (other.refused()) {
                            item.refuse(words.say("patient-refused", other.index));
                        } else {
                            item.patients.add(other.patient);
                        }
                    } else {
                        item.refersTo.add(inBundle);
                    }
                    continue;
                }
                if (target.startsWith("urn:")) {
                    item.refuse(words.say("unresolved", target));
                } else if (target.startsWith("Patient?")) {
                    var found = patientByIdentifier(target.substring("Patient?".length()));
                    if (found == null) {
                        item.refuse(words.say("unresolved", target));
                    } else {
                        item.patients.add(found);
                    }
                } else if (target.startsWith("Patient/")) {
                    var found =
                            PatientScope.uuid(new IdType(target).getIdPart()).map(PatientId::new);
                    if (found.isEmpty()) {
                        item.refuse(words.say("unresolved", target));
                    } else {
                        item.patients.add(found.get());
                    }
                } else if (!target.contains("?") && isRecordType(new IdType(target).getResourceType())) {
                    // A resource of a record outside the Bundle: it must be this record's own.
                    var owner =
                            PatientScope.uuid(new IdType(target).getIdPart()).flatMap(record::recordOf);
                    if (owner.isEmpty()) {
                        item.refuse(words.say("unresolved", target));
                    } else {
                        item.patients.add(owner.get());
                    }
                }
            }
        }
        propagate(items);
        for (var item : items) {
            if (item.refused() || item.resource instanceof Patient) {
                continue;
            }
            var all = new LinkedHashSet<>(item.patients);
            item.refersTo.forEach(target -> all.addAll(items.get(target).patients));
            if (all.size() > 1) {
                item.refuse(words.say("two-patients"));
            } else if (item.patients.isEmpty()) {
                item.refuse(words.say(isDirectoryType(item.type) ? "directory" : "no-patient", item.type));
            } else {
                item.patient = item.patients.iterator().next();
                if (into != null && !into.equals(item.patient)) {
                    item.refuse(words.say("other-record"));
                }
            }
        }
        return items;
    }

    /** Entries without a patient of their own take the patient of what they refer to or what refers to them. */
    private static void propagate(List<Item> items) {
        var referrers = new HashMap<Integer, List<Item>>();
        for (var item : items) {
            item.refersTo.forEach(target ->
                    referrers.computeIfAbsent(target, t -> new ArrayList<>()).add(item));
        }
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ < 8) {
            changed = false;
            for (var item : items) {
                if (item.refused() || item.resource instanceof Patient || !item.patients.isEmpty()) {
                    continue;
                }
                for (int target : item.refersTo) {
                    item.patients.addAll(items.get(target).patients);
                }
                if (item.patients.isEmpty()) {
                    for (var other : referrers.getOrDefault(item.index, List.of())) {
                        if (!other.patients.isEmpty()) {
                            item.patients.addAll(other.patients);
                            break;
                        }
                    }
                }
                changed |= !item.patients.isEmpty();
            }
        }
    }

    private void resolvePatient(
            Item item,
            Patient patient,
            SignedInUser actor,
            PatientId into,
            Words words,
            boolean atomic,
            Map<PatientId, AccessDecision> decisions) {
        try {
            if (into != null) {
                item.patient = into;
                item.result = Result.MATCHED;
                return;
            }
            var request = item.entry.getRequest();
            if (request.getMethod() == HTTPVerb.PUT
                    && request.getUrl() != null
                    && request.getUrl().startsWith("Patient/")) {
                var named = PatientScope.uuid(new IdType(request.getUrl()).getIdPart())
                        .map(PatientId::new)
                        .orElseThrow(NotFound::new);
                decideImport(actor, named, decisions);
                item.patient = named;
                item.result = Result.MATCHED;
                return;
            }
            if (request.hasIfNoneExist()) {
                var found = patientByIdentifier(request.getIfNoneExist());
                if (found != null) {
                    decideImport(actor, found, decisions);
                    item.patient = found;
                    item.result = Result.MATCHED;
                    return;
                }
            }
            // The same patient sent again by the same system: the record it was imported into.
            String idPart = patient.getIdElement().getIdPart();
            String identity = idPart != null ? idPart : item.entry.getFullUrl();
            var imported = identity == null
                    ? java.util.Optional.<PatientId>empty()
                    : imports.recordImportedAs(sha256("Patient|" + identity));
            if (imported.isPresent()) {
                decideImport(actor, imported.get(), decisions);
                item.patient = imported.get();
                item.result = Result.MATCHED;
                return;
            }
            for (String system : List.of(Systems.SNILS, Systems.OMS)) {
                for (var identifier : patient.getIdentifier()) {
                    if (system.equals(identifier.getSystem()) && identifier.hasValue()) {
                        var holders = patients.holders(identifier.getValue());
                        if (!holders.isEmpty()) {
                            decideImport(actor, holders.get(0), decisions);
                            item.patient = holders.get(0);
                            item.result = Result.MATCHED;
                            return;
                        }
                    }
                }
            }
            var name = patient.getNameFirstRep();
            String family = name.getFamily();
            String given =
                    name.getGiven().isEmpty() ? null : name.getGiven().get(0).getValue();
            var born = patient.hasBirthDate()
                    ? patient.getBirthDateElement()
                            .getValue()
                            .toInstant()
                            .atZone(PatientScope.ZONE)
                            .toLocalDate()
                    : null;
            for (var candidate : patients.namesakes(family, given, born)) {
                if (mayImport(actor, candidate)) {
                    item.refuse(words.say("candidate", candidate.value()));
                    return;
                }
            }
            var created = patients.createImported(actor, form(patient, family, given, born));
            item.patient = created.patientId();
            item.result = Result.CREATED;
        } catch (DomainException refused) {
            item.refuse(
                    refused instanceof InvalidInput invalid
                            ? invalidText(invalid, words)
                            : words.say("patient-not-yours"));
        }
    }

    private boolean mayImport(SignedInUser actor, PatientId candidate) {
        try {
            access.require(actor, candidate, RecordAction.IMPORT);
            return true;
        } catch (DomainException notYours) {
            return false;
        }
    }

    private static PatientRecordForm form(Patient patient, String family, String given, java.time.LocalDate born) {
        var name = patient.getNameFirstRep();
        String patronymic = name.getGiven().size() > 1 ? name.getGiven().get(1).getValue() : null;
        String sex = patient.getGender() == AdministrativeGender.MALE
                ? "MALE"
                : patient.getGender() == AdministrativeGender.FEMALE ? "FEMALE" : null;
        String phone = patient.getTelecom().stream()
                .filter(point -> point.hasValue()
                        && "phone"
                                .equals(
                                        point.getSystem() == null
                                                ? null
                                                : point.getSystem().toCode()))
                .map(point -> point.getValue())
                .findFirst()
                .orElse(null);
        String snils = identifier(patient, Systems.SNILS);
        String oms = identifier(patient, Systems.OMS);
        return new PatientRecordForm(
                family, given, patronymic, born == null ? null : born.toString(), sex, phone, snils, oms, null, null);
    }

    private static String identifier(Patient patient, String system) {
        return patient.getIdentifier().stream()
                .filter(identifier -> system.equals(identifier.getSystem()))
                .map(Identifier::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The record a {@code identifier=system|value} query names by SNILS or OMS policy, if one. */
    private PatientId patientByIdentifier(String query) {
        for (String part : query.split("&")) {
            if (!part.startsWith("identifier=")) {
                continue;
            }
            String token = java.net.URLDecoder.decode(part.substring("identifier=".length()), StandardCharsets.UTF_8);
            int bar = token.indexOf('|');
            String system = bar < 0 ? null : token.substring(0, bar);
            String value = bar < 0 ? token : token.substring(bar + 1);
            if (Systems.PATIENT.equals(system)) {
                return PatientScope.uuid(value).map(PatientId::new).orElse(null);
            }
            if (system == null || Systems.SNILS.equals(system) || Systems.OMS.equals(system)) {
                var holders = patients.holders(value);
                if (holders.size() == 1) {
                    return holders.get(0);
                }
            }
        }
        return null;
    }

    private static boolean isDirectoryType(String type) {
        return Set.of("Organization", "Practitioner", "PractitionerRole", "Location", "HealthcareService")
                .contains(type);
    }

    private boolean isRecordType(String type) {
        return type != null
                && !isDirectoryType(type)
                && context.getResourceTypes().contains(type)
                && !Set.of("Schedule", "Slot", "Appointment", "Medication", "Substance", "Device")
                        .contains(type);
    }

    // ---------------------------------------------------------------------------------------------
    // Filing.

    private void decideImport(SignedInUser actor, PatientId patient, Map<PatientId, AccessDecision> decisions) {
        decisions.computeIfAbsent(patient, record -> access.require(actor, record, RecordAction.IMPORT));
    }

    /** A patient's own file is what they add to a record; anything else is an import by staff. */
    private static RecordAction action(SignedInUser actor, boolean own) {
        return own && actor.has(Role.PATIENT) ? RecordAction.CONTRIBUTE : RecordAction.IMPORT;
    }

    private void file(
            List<Item> items,
            SignedInUser actor,
            UUID importId,
            boolean own,
            Words words,
            boolean atomic,
            Map<PatientId, AccessDecision> decisions) {
        var byPatient = new LinkedHashMap<PatientId, List<Item>>();
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
                identify(item, terser, hashing);
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
        var byUrl = new HashMap<String, Item>();
        for (var other : items) {
            if (other.entry.hasFullUrl()) {
                byUrl.put(other.entry.getFullUrl(), other);
            }
            if (other.resource != null && other.resource.getIdElement().getIdPart() != null) {
                byUrl.putIfAbsent(
                        other.type + "/" + other.resource.getIdElement().getIdPart(), other);
            }
        }
        for (var item : items) {
            if (item.refused() || item.resource instanceof Patient || item.result == Result.DUPLICATE) {
                continue;
            }
            rewrite(item, byUrl, terser);
        }
        // A transaction files each record's resources at once (a few statements for all of them); a
        // batch one by one, each in a transaction of its own.
        var pending = new LinkedHashMap<PatientId, List<Map.Entry<Item, RecordImport.Incoming>>>();
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
    private void filed(Item item, RecordImport.Filed filed, Words words) {
        item.id = filed.id();
        item.similarTo = filed.similarTo();
        item.result = switch (filed.outcome()) {
            case CREATED -> Result.CREATED;
            case KEPT -> Result.KEPT;
            case DUPLICATE -> Result.DUPLICATE;
        };
        if (filed.unmapped() != null) {
            item.message = words.say("kept-unmapped", invalidText(filed.unmapped(), words));
        } else if (filed.outcome() == RecordImport.Outcome.KEPT) {
            item.message = words.say("kept", item.type);
        }
    }

    private java.util.Optional<String> decide(
            PatientId patient, SignedInUser actor, boolean own, Map<PatientId, AccessDecision> decisions, Words words) {
        try {
            decisions.computeIfAbsent(patient, record -> access.require(actor, record, action(actor, own)));
            return java.util.Optional.empty();
        } catch (DomainException refused) {
            return java.util.Optional.of(words.say("patient-not-yours"));
        }
    }

    /** The Patient as it came is kept beside the record, for the export to give back what Medkarta does not model. */
    private void keepPatient(
            Item item, Patient patient, SignedInUser actor, UUID importId, AccessDecision decision, boolean atomic) {
        var terser = context.newTerser();
        var hashing = context.newJsonParser();
        hashing.setDontEncodeElements(Set.of("*.id", "*.meta", "*.text"));
        identify(item, terser, hashing);
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

    /** The entry's identity in the sending system, what it says, and what it says but for its value. */
    private void identify(Item item, FhirTerser terser, IParser hashing) {
        String idPart = item.resource.getIdElement().getIdPart();
        String identity = idPart != null ? idPart : item.entry.getFullUrl();
        var copy = item.resource.copy();
        for (var reference : terser.getAllPopulatedChildElementsOfType(copy, Reference.class)) {
            String target = reference.getReference();
            String type = target == null ? reference.getType() : typeOf(target, item);
            // HAPI links a reference to the Bundle's resource it names, and would write its id back.
            reference.setResource(null);
            reference.setReference(null);
            reference.setIdentifier(null);
            reference.setDisplay(null);
            reference.setType(type);
        }
        if (copy instanceof DomainResource domain) {
            domain.setText(null);
        }
        // What the resource says, not what the sending system calls it: no id, meta or identifiers.
        copy.setIdElement(null);
        copy.setMeta(null);
        withoutIdentifiers(copy);
        String content = hashing.encodeResourceToString(copy);
        item.fingerprint = sha256(content);
        item.sourceKey = identity == null ? item.fingerprint : sha256(item.type + "|" + identity);
        if (item.resource instanceof Observation observation && observation.hasValue()) {
            item.likeness = sha256(item.type + "|" + codes(observation.getCode()) + "|"
                    + (observation.hasEffective() ? observation.getEffective().primitiveValue() : ""));
        }
    }

    /** Removes a resource's own identifiers (its ids in the sending system), whatever their cardinality. */
    private static void withoutIdentifiers(Resource resource) {
        var setter = IDENTIFIER_SETTERS.get(resource.getClass()).orElse(null);
        if (setter == null) {
            return;
        }
        try {
            setter.invoke(resource, setter.getParameterTypes()[0] == List.class ? new ArrayList<>() : null);
        } catch (ReflectiveOperationException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /**
     * Each resource class's {@code setIdentifier}, looked up once: {@link Class#getMethods} copies
     * every public method of the class on each call, a twentieth of an import's time when asked per
     * resource.
     */
    private static final ClassValue<java.util.Optional<java.lang.reflect.Method>> IDENTIFIER_SETTERS =
            new ClassValue<>() {
                @Override
                protected java.util.Optional<java.lang.reflect.Method> computeValue(Class<?> type) {
                    for (var method : type.getMethods()) {
                        if (method.getName().equals("setIdentifier") && method.getParameterCount() == 1) {
                            return java.util.Optional.of(method);
                        }
                    }
                    return java.util.Optional.empty();
                }
            };

    private static String typeOf(String target, Item item) {
        if (target.startsWith("urn:")) {
            return "Resource";
        }
        int query = target.indexOf('?');
        if (query > 0) {
            return target.substring(0, query);
        }
        String type = new IdType(target).getResourceType();
        return type == null ? "Resource" : type;
    }

    private static String codes(CodeableConcept concept) {
        return concept.getCoding().stream()
                .map(coding -> coding.getSystem() + "|" + coding.getCode())
                .sorted()
                .reduce("", (a, b) -> a + "," + b);
    }

    private static void rewrite(Item item, Map<String, Item> byUrl, FhirTerser terser) {
        for (var reference : terser.getAllPopulatedChildElementsOfType(item.resource, Reference.class)) {
            String target = reference.getReference();
            if (target == null || target.startsWith("#")) {
                continue;
            }
            var other = byUrl.get(target);
            if (other == null && !target.startsWith("urn:") && !target.contains("?")) {
                var parsed = new IdType(target);
                other = byUrl.get(parsed.getResourceType() + "/" + parsed.getIdPart());
            }
            if (other != null) {
                reference.setReference(
                        other.resource instanceof Patient
                                ? "Patient/" + other.patient.value()
                                : other.type + "/" + other.id);
                continue;
            }
            int query = target.indexOf('?');
            if (query > 0) {
                String type = target.substring(0, query);
                if ("Patient".equals(type)) {
                    reference.setReference("Patient/" + item.patient.value());
                    continue;
                }
                // A practitioner, organisation or place of the sending system: kept by its identifier.
                String token = target.substring(query + 1);
                if (token.startsWith("identifier=")) {
                    token = java.net.URLDecoder.decode(token.substring("identifier=".length()), StandardCharsets.UTF_8);
                    int bar = token.indexOf('|');
                    var identifier = new Identifier();
                    if (bar >= 0) {
                        identifier.setSystem(token.substring(0, bar)).setValue(token.substring(bar + 1));
                    } else {
                        identifier.setValue(token);
                    }
                    reference.setReference(null);
                    reference.setType(type);
                    reference.setIdentifier(identifier);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The answer.

    /** The answer to an import: the response Bundle and its counts. */
    record Imported(Bundle bundle, Report report) {}

    private Imported response(List<Item> items, boolean atomic, Words words) {
        var response = new Bundle();
        response.setType(atomic ? BundleType.TRANSACTIONRESPONSE : BundleType.BATCHRESPONSE);
        var counts = new java.util.EnumMap<Result, Integer>(Result.class);
        int warnings = 0;
        for (var item : items) {
            counts.merge(item.result == null ? Result.REFUSED : item.result, 1, Integer::sum);
            var answer = response.addEntry().getResponse();
            var outcome = new OperationOutcome();
            switch (item.result == null ? Result.REFUSED : item.result) {
                case CREATED -> answer.setStatus("201 Created");
                case MATCHED -> answer.setStatus("200 OK");
                case DUPLICATE -> {
                    answer.setStatus("200 OK");
                    information(outcome, IssueType.DUPLICATE, words.say("duplicate"));
                }
                case KEPT -> answer.setStatus("201 Created");
                case REFUSED -> {
                    answer.setStatus(
                            item.message != null && item.message.equals(words.say("patient-not-yours"))
                                    ? "404 Not Found"
                                    : "422 Unprocessable Entity");
                    outcome.addIssue()
                            .setSeverity(IssueSeverity.ERROR)
                            .setCode(IssueType.PROCESSING)
                            .setDiagnostics(item.message)
                            .addExpression("Bundle.entry[" + item.index + "]");
                }
            }
            if (item.result != Result.REFUSED && item.type != null) {
                var id = item.resource instanceof Patient ? item.patient.value() : item.id;
                if (id != null) {
                    answer.setLocation(item.type + "/" + id + "/_history/1");
                }
            }
            if (item.result == Result.KEPT && item.message != null) {
                information(outcome, IssueType.INFORMATIONAL, item.message);
            }
            if (item.similarTo != null && item.result == Result.CREATED) {
                warnings++;
                outcome.addIssue()
                        .setSeverity(IssueSeverity.WARNING)
                        .setCode(IssueType.DUPLICATE)
                        .setDiagnostics(words.say("similar", item.type + "/" + item.similarTo))
                        .addExpression("Bundle.entry[" + item.index + "]");
            }
            if (outcome.hasIssue()) {
                answer.setOutcome(outcome);
            }
        }
        return new Imported(
                response,
                new Report(
                        counts.getOrDefault(Result.CREATED, 0),
                        counts.getOrDefault(Result.MATCHED, 0),
                        counts.getOrDefault(Result.DUPLICATE, 0),
                        counts.getOrDefault(Result.KEPT, 0),
                        counts.getOrDefault(Result.REFUSED, 0),
                        warnings));
    }

    /** What an import did, in numbers (SPEC I3's report). */
    record Report(int created, int matched, int duplicates, int kept, int refused, int warnings) {

        String header() {
            return "created=" + created + "; matched=" + matched + "; duplicates=" + duplicates + "; kept=" + kept
                    + "; refused=" + refused + "; warnings=" + warnings;
        }
    }

    private static void information(OperationOutcome outcome, IssueType type, String text) {
        outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(type).setDiagnostics(text);
    }

    private ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException refusedTransaction(
            List<Item> refused, Words words) {
        var failure = FhirErrors.failure(
                422, IssueType.PROCESSING, words.say("transaction-refused", refused.size()), "import-refused");
        var outcome = (OperationOutcome) failure.getOperationOutcome();
        for (var item : refused) {
            outcome.addIssue()
                    .setSeverity(IssueSeverity.ERROR)
                    .setCode(IssueType.PROCESSING)
                    .setDiagnostics(item.message)
                    .addExpression("Bundle.entry[" + item.index + "]");
        }
        return failure;
    }

    private static ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException invalid(String text) {
        return FhirErrors.failure(400, IssueType.INVALID, text, "invalid-bundle");
    }

    private String invalidText(InvalidInput invalid, Words words) {
        var parts = new ArrayList<String>();
        for (var error : invalid.errors()) {
            parts.add(error.field() + ": "
                    + messages.getMessage(
                            error.messageCode(), error.arguments().toArray(), error.messageCode(), words.locale));
        }
        return String.join("; ", parts);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
