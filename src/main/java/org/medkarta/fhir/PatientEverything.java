package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.ImportedSources;
import org.springframework.stereotype.Component;

/**
 * A patient's whole record in FHIR, composed in this one place for {@code Patient/{id}/$everything},
 * the record page's «Скачать в формате FHIR» and the clinic's bulk export: the Patient, then every
 * resource of its compartment that the decision lets its holder see, each made by the provider of its
 * type exactly as a search of that type makes it (so the patient account sees what order 003 lets it
 * see, a clinician the whole record). The decision was taken and audited by the caller: one audit
 * entry per record exported.
 *
 * <p>The compartment is what the record holds: visits, diagnoses, results, documents, prescriptions,
 * vaccinations and referrals. Appointments, policies, grants and the access log are answered by their
 * own types to the person they belong to, not as part of the record.
 *
 * <p>References inside leave the Bundle only towards the directory ({@code Practitioner}, {@code
 * PractitionerRole}, {@code Organization}), relative to this server's base, which any FHIR client
 * resolves against the entries' absolute {@code fullUrl}s.
 */
@Component
class PatientEverything {

    /** The types of the compartment, in the order a Bundle lists them; the Patient comes first. */
    static final List<String> TYPES = List.of(
            "Patient",
            "Encounter",
            "Condition",
            "Observation",
            "DiagnosticReport",
            "DocumentReference",
            "MedicationRequest",
            "Immunization",
            "ServiceRequest",
            "Procedure",
            "AllergyIntolerance");

    private final Map<String, Function<AccessDecision, List<? extends Resource>>> types = new LinkedHashMap<>();
    private final PatientScope scope;
    private final Clock clock;
    private final ImportedSources imports;
    private final FhirContext context;

    PatientEverything(
            PatientProvider patients,
            EncounterProvider encounters,
            ConditionProvider conditions,
            ObservationProvider observations,
            DiagnosticReportProvider reports,
            DocumentReferenceProvider documents,
            MedicationRequestProvider prescriptions,
            ImmunizationProvider vaccinations,
            ServiceRequestProvider referrals,
            ProcedureProvider procedures,
            AllergyIntoleranceProvider allergies,
            ImportedSources imports,
            FhirContext context,
            PatientScope scope,
            Clock clock) {
        this.imports = imports;
        this.context = context;
        types.put("Patient", decision -> List.of(patients.patient(decision)));
        types.put("Encounter", encounters::everything);
        types.put("Condition", conditions::everything);
        types.put("Observation", observations::everything);
        types.put("DiagnosticReport", reports::everything);
        types.put("DocumentReference", documents::everything);
        types.put("MedicationRequest", prescriptions::everything);
        types.put("Immunization", vaccinations::everything);
        types.put("ServiceRequest", referrals::everything);
        types.put("Procedure", procedures::everything);
        types.put("AllergyIntolerance", allergies::everything);
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * The record {@code decision} opened as resources, the Patient first.
     *
     * @param wanted the types to list (from {@link #types}) besides the Patient; empty for all
     * @param since only resources changed at or after it (the Patient is always listed: everything
     *     else refers to it; a resource that does not know when it changed is kept), or null
     */
    List<Resource> resources(AccessDecision decision, Set<String> wanted, Instant since) {
        var found = new ArrayList<Resource>();
        types.forEach((type, list) -> {
            // The Patient always: everything else refers to it, and a Bundle must hold what it refers to.
            if (!wanted.isEmpty() && !wanted.contains(type) && !"Patient".equals(type)) {
                return;
            }
            for (Resource resource : list.apply(decision)) {
                if ("Patient".equals(type) || since == null || changedSince(resource, since)) {
                    found.add(resource);
                }
            }
        });
        // What was imported and has no type of its own here (a claim, a care plan, a screening
        // answer), kept as it came, for the export to give back everything that came in (SPEC I3).
        var listed = new java.util.HashSet<String>();
        found.forEach(resource ->
                listed.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart()));
        for (var source : imports.sources(decision)) {
            if (listed.contains(source.resourceType() + "/" + source.id())
                    || (!wanted.isEmpty() && !wanted.contains(source.resourceType()))) {
                continue;
            }
            var resource = (Resource) context.newJsonParser().parseResource(source.content());
            if (since == null || !source.importedAt().isBefore(since)) {
                resource.getMeta().setLastUpdated(Date.from(source.importedAt()));
                found.add(resource);
            }
        }
        return found;
    }

    /** The whole record as one {@code collection} Bundle, each entry's {@code fullUrl} under {@code base}. */
    Bundle collection(AccessDecision decision, String base) {
        var bundle = new Bundle().setType(BundleType.COLLECTION);
        bundle.setId(UUID.randomUUID().toString());
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + bundle.getId()));
        bundle.setTimestamp(Date.from(clock.instant()));
        for (Resource resource : resources(decision, Set.of(), null)) {
            bundle.addEntry(entry(resource, base));
        }
        return bundle;
    }

    /** An entry whose {@code fullUrl} is the resource's address on this server. */
    static Bundle.BundleEntryComponent entry(Resource resource, String base) {
        return new Bundle.BundleEntryComponent()
                .setFullUrl(base + "/" + resource.fhirType() + "/"
                        + resource.getIdElement().getIdPart())
                .setResource(resource);
    }

    /**
     * The types a {@code _type} parameter names: comma lists and repeats alike; empty for all.
     *
     * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException 400 for a type that is no
     *     part of a Medkarta record
     */
    Set<String> types(Collection<String> requested) {
        var wanted = new LinkedHashSet<String>();
        if (requested == null) {
            return wanted;
        }
        for (String value : requested) {
            if (value == null) {
                continue;
            }
            for (String type : value.split(",")) {
                String name = type.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!types.containsKey(name) && !context.getResourceTypes().contains(name)) {
                    String text = scope.text("fhir.everything.type", name, String.join(", ", TYPES));
                    throw FhirErrors.failure(400, IssueType.NOTSUPPORTED, text, "unsupported-type");
                }
                wanted.add(name);
            }
        }
        return wanted;
    }

    private static boolean changedSince(Resource resource, Instant since) {
        Date changed = resource.getMeta().getLastUpdated();
        return changed == null || !changed.toInstant().isBefore(since);
    }
}
