package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.access.AccessDecision;
import org.medkarta.fhir.ImportEntry.Result;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.RecordReading;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * An imported Bundle's references ({@link FhirImport}): whose record each entry is. Each Patient is
 * matched by {@link PatientMatching}; every other resource belongs to the patient it refers to
 * (directly, or through the resources it refers to or that refer to it), and one that refers to two
 * patients, to none, or to a record other than the one a patient's own file goes into is refused.
 * Before filing, {@code urn:uuid:} and {@code Type/id} references within the Bundle become
 * Medkarta's ids, conditional references to a patient ({@code Patient?identifier=…}) the patient's
 * record, and other conditional references (a practitioner or organisation of the sending system)
 * logical references by identifier.
 */
@Component
class BundleReferences {

    private final FhirContext context;
    private final RecordReading record;
    private final PatientMatching matching;

    BundleReferences(FhirContext context, RecordReading record, PatientMatching matching) {
        this.context = context;
        this.record = record;
        this.matching = matching;
    }

    /** The Bundle's entries, each with its patient, or refused. */
    List<ImportEntry> resolve(
            Bundle bundle,
            SignedInUser actor,
            PatientId into,
            ImportWords words,
            Map<PatientId, AccessDecision> decisions) {
        var items = new ArrayList<ImportEntry>();
        var byUrl = new HashMap<String, Integer>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            var item = new ImportEntry(i, bundle.getEntry().get(i));
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
                matching.resolve(item, patient, actor, into, words, decisions);
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
                Integer inBundle = inBundle(target, byUrl);
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
                    var found = matching.patientByIdentifier(target.substring("Patient?".length()));
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
    private static void propagate(List<ImportEntry> items) {
        var referrers = new HashMap<Integer, List<ImportEntry>>();
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

    /** Each entry's references become Medkarta's, but for the Patients, the refused and the duplicates. */
    void rewrite(List<ImportEntry> items, FhirTerser terser) {
        var byUrl = new HashMap<String, ImportEntry>();
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
    }

    private static void rewrite(ImportEntry item, Map<String, ImportEntry> byUrl, FhirTerser terser) {
        for (var reference : terser.getAllPopulatedChildElementsOfType(item.resource, Reference.class)) {
            String target = reference.getReference();
            if (target == null || target.startsWith("#")) {
                continue;
            }
            var other = inBundle(target, byUrl);
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

    /** What {@code target} names in the Bundle, by its full URL or its {@code Type/id}; null if nothing. */
    private static <T> T inBundle(String target, Map<String, T> byUrl) {
        T found = byUrl.get(target);
        if (found == null && !target.startsWith("urn:") && !target.contains("?")) {
            var parsed = new IdType(target);
            found = byUrl.get(parsed.getResourceType() + "/" + parsed.getIdPart());
        }
        return found;
    }
}
