package org.medkarta.fhir;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What an imported entry is, for telling duplicates ({@link FhirImport}): its key in the sending
 * system, the fingerprint of what it says (without ids, meta, narrative, identifiers or where its
 * references point), and for an Observation with a value its likeness (its codes and time), which
 * the record module uses to flag a similar result.
 */
final class ImportFingerprints {

    private ImportFingerprints() {}

    /** The entry's identity in the sending system, what it says, and what it says but for its value. */
    static void identify(ImportEntry item, FhirTerser terser, IParser hashing) {
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

    private static String typeOf(String target, ImportEntry item) {
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

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
