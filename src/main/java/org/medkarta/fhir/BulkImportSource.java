package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medkarta.fhir.BulkImportJob.UnitKind;

/**
 * What a bulk import reads, cut into units: a folder of Bundle JSON files (one unit per {@code
 * *.json} file, in name order), or an NDJSON set in FHIR Bulk Data format ({@code <Type>.ndjson},
 * one resource a line) cut into one unit per patient: the Patient, then every resource that refers
 * to it (through {@code subject}, {@code patient} or {@code beneficiary} first, any reference
 * otherwise) or to a resource of its group, as one transaction Bundle whose references are left as
 * they came, for {@link FhirImport} to resolve as it resolves a Bundle's own.
 *
 * <p>A unit's name is stable across runs (the file name, {@code Patient/<id>}): a resumed job skips
 * the names it has done.
 */
final class BulkImportSource {

    /** One unit: its name, how many resources it holds when known, and how to read it. */
    record Unit(String name, Loader loader) {}

    /** Reads a unit's Bundle; an unreadable file is an {@link UncheckedIOException}, bad content a DataFormatException. */
    interface Loader {
        Bundle load();
    }

    /** A line of the set that no unit holds, and why (a message key of {@code fhir.bulk.}). */
    record Stray(String where, String key, String detail) {}

    record Read(UnitKind kind, List<Unit> units, List<Stray> strays) {}

    private static final List<String> PATIENT_LINKS = List.of("subject", "patient", "beneficiary");

    private BulkImportSource() {}

    /** Whether the folder holds an NDJSON set rather than Bundle files. */
    static boolean ndjson(Path folder) {
        return !files(folder, ".ndjson").isEmpty();
    }

    static Read read(Path folder, FhirContext fhir) {
        return ndjson(folder) ? patients(folder, fhir) : bundles(folder, fhir);
    }

    static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> found = Files.list(folder)) {
            return found.filter(
                            path -> path.getFileName().toString().toLowerCase().endsWith(suffix))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Read bundles(Path folder, FhirContext fhir) {
        var units = new ArrayList<Unit>();
        for (Path file : files(folder, ".json")) {
            units.add(new Unit(file.getFileName().toString(), () -> {
                String json;
                try {
                    json = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
                return fhir.newJsonParser().parseResource(Bundle.class, json);
            }));
        }
        return new Read(UnitKind.FILE, units, List.of());
    }

    /** One line of the set, kept as text until its unit is imported. */
    private record Line(String type, String id, String json) {}

    private static Read patients(Path folder, FhirContext fhir) {
        var parser = fhir.newJsonParser();
        var terser = fhir.newTerser();
        var strays = new ArrayList<Stray>();
        var groups = new LinkedHashMap<String, List<Line>>();
        var owners = new HashMap<String, String>();
        var waiting = new ArrayList<Map.Entry<Line, List<String>>>();
        // Patient.ndjson first, whatever the name order: every other line needs its patients known.
        var ordered = new ArrayList<>(files(folder, ".ndjson"));
        ordered.sort(Comparator.comparing(path -> !path.getFileName().toString().equals("Patient.ndjson")));
        for (Path file : ordered) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String text;
                int number = 0;
                while ((text = reader.readLine()) != null) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    String where = file.getFileName() + ":" + number;
                    Resource resource;
                    try {
                        resource = (Resource) parser.parseResource(text);
                    } catch (DataFormatException | ClassCastException malformed) {
                        strays.add(new Stray(where, "malformed", malformed.getMessage()));
                        continue;
                    }
                    String type = resource.fhirType();
                    String id = resource.getIdElement().getIdPart();
                    var line = new Line(type, id, text);
                    if (resource instanceof Patient) {
                        if (id == null || groups.containsKey("Patient/" + id)) {
                            strays.add(new Stray(where, "patient-id", null));
                            continue;
                        }
                        groups.put("Patient/" + id, new ArrayList<>(List.of(line)));
                        keys(type, id).forEach(key -> owners.put(key, "Patient/" + id));
                        continue;
                    }
                    var targets = new ArrayList<String>();
                    for (String link : PATIENT_LINKS) {
                        var property = resource.getNamedProperty(link);
                        if (property != null) {
                            property.getValues().stream()
                                    .filter(Reference.class::isInstance)
                                    .map(value -> ((Reference) value).getReference())
                                    .forEach(targets::add);
                        }
                    }
                    terser.getAllPopulatedChildElementsOfType(resource, Reference.class).stream()
                            .map(Reference::getReference)
                            .forEach(targets::add);
                    targets.removeIf(target -> target == null || target.startsWith("#"));
                    waiting.add(Map.entry(
                            line, targets.stream().map(BulkImportSource::key).toList()));
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        // A resource goes to the patient it names; one that names none joins the group of a resource
        // it refers to (a Provenance of an encounter), or of the resources that refer to it (a
        // Medication of a MedicationRequest: a copy in each group, each record keeping its own).
        var referencedBy = new HashMap<String, java.util.LinkedHashSet<String>>();
        boolean placed = true;
        while (placed && !waiting.isEmpty()) {
            placed = false;
            for (var iterator = waiting.iterator(); iterator.hasNext(); ) {
                var next = iterator.next();
                var line = next.getKey();
                var groupsOf = new java.util.LinkedHashSet<String>();
                next.getValue().stream()
                        .map(owners::get)
                        .filter(found -> found != null)
                        .findFirst()
                        .ifPresent(groupsOf::add);
                if (groupsOf.isEmpty() && line.id() != null) {
                    keys(line.type(), line.id()).stream()
                            .map(referencedBy::get)
                            .filter(found -> found != null)
                            .forEach(groupsOf::addAll);
                }
                if (groupsOf.isEmpty()) {
                    continue;
                }
                for (String owner : groupsOf) {
                    groups.get(owner).add(line);
                    next.getValue()
                            .forEach(target -> referencedBy
                                    .computeIfAbsent(target, t -> new java.util.LinkedHashSet<>())
                                    .add(owner));
                }
                if (line.id() != null) {
                    String first = groupsOf.iterator().next();
                    keys(line.type(), line.id()).forEach(key -> owners.putIfAbsent(key, first));
                }
                iterator.remove();
                placed = true;
            }
        }
        for (var left : waiting) {
            var line = left.getKey();
            strays.add(new Stray(line.type() + "/" + line.id(), "no-patient", null));
        }
        var units = new ArrayList<Unit>();
        groups.forEach((name, lines) -> units.add(new Unit(name, () -> bundle(lines, fhir))));
        return new Read(UnitKind.PATIENT, units, strays);
    }

    private static Bundle bundle(List<Line> lines, FhirContext fhir) {
        var parser = fhir.newJsonParser();
        var bundle = new Bundle().setType(BundleType.TRANSACTION);
        for (var line : lines) {
            var resource = (Resource) parser.parseResource(line.json());
            var entry = bundle.addEntry().setResource(resource);
            if (line.id() != null && isUuid(line.id())) {
                // References such as urn:uuid:<id> (Synthea's) find the resource by its full URL;
                // Type/id ones by the resource's own id.
                entry.setFullUrl("urn:uuid:" + line.id());
            }
            entry.getRequest().setMethod(HTTPVerb.POST).setUrl(line.type());
        }
        return bundle;
    }

    private static List<String> keys(String type, String id) {
        return isUuid(id) ? List.of(type + "/" + id, "urn:uuid:" + id) : List.of(type + "/" + id);
    }

    private static String key(String reference) {
        if (reference.startsWith("urn:") || reference.contains("?")) {
            return reference;
        }
        var id = new IdType(reference);
        return id.getResourceType() == null ? reference : id.getResourceType() + "/" + id.getIdPart();
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return id.length() == 36;
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }
}
