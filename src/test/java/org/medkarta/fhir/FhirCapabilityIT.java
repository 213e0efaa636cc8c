package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /fhir/metadata} says exactly what the server does (issue 14): every resource type a
 * provider serves and no other, each with the interactions, search parameters and operations its
 * provider declares, nothing more and nothing less; and it validates clean.
 */
class FhirCapabilityIT extends FhirSupport {

    @Autowired
    List<IResourceProvider> providers;

    @Autowired
    EverythingOperation everything;

    @Autowired
    BulkExportOperation export;

    @Test
    void theCapabilityStatementListsExactlyWhatTheProvidersDeclare() {
        var served = fhir(null, "metadata");
        assertThat(served.statusCode()).isEqualTo(200);
        assertValid(served.body());
        var statement = FHIR.newJsonParser().parseResource(CapabilityStatement.class, served.body());
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getFormat()).extracting(Object::toString).contains("application/fhir+json");

        var listed = new TreeMap<String, Declared>();
        for (CapabilityStatementRestResourceComponent resource :
                statement.getRestFirstRep().getResource()) {
            var interactions = new TreeSet<String>();
            resource.getInteraction().forEach(i -> interactions.add(i.getCode().toCode()));
            var parameters = new TreeSet<String>();
            resource.getSearchParam().forEach(p -> parameters.add(p.getName()));
            var operations = new TreeSet<String>();
            resource.getOperation().forEach(o -> operations.add(o.getName()));
            listed.put(resource.getType(), new Declared(interactions, parameters, operations));
        }
        assertThat(listed).isEqualTo(declaredByProviders());
        var system = new TreeSet<String>();
        statement.getRestFirstRep().getOperation().forEach(o -> system.add(o.getName()));
        assertThat(system).contains("export", "export-poll-status", "export-file");
        assertThat(listed).containsKey("Organization");
    }

    /** What the providers' HAPI annotations declare, resource type by resource type. */
    private Map<String, Declared> declaredByProviders() {
        var declared = new TreeMap<String, Declared>();
        for (var provider : providers) {
            String type = FHIR.getResourceType(provider.getResourceType());
            var interactions = new TreeSet<String>();
            var parameters = new TreeSet<String>();
            var operations = new TreeSet<String>();
            for (Method method : AopUtils.getTargetClass(provider).getMethods()) {
                if (method.isAnnotationPresent(Read.class)) {
                    interactions.add("read");
                    if (method.getAnnotation(Read.class).version()) {
                        interactions.add("vread");
                    }
                }
                if (method.isAnnotationPresent(Search.class)) {
                    interactions.add("search-type");
                    for (Parameter parameter : method.getParameters()) {
                        var optional = parameter.getAnnotation(OptionalParam.class);
                        var required = parameter.getAnnotation(RequiredParam.class);
                        if (optional != null) {
                            parameters.add(optional.name());
                        }
                        if (required != null) {
                            parameters.add(required.name());
                        }
                    }
                }
                if (method.isAnnotationPresent(Create.class)) {
                    interactions.add("create");
                }
                if (method.isAnnotationPresent(Update.class)) {
                    interactions.add("update");
                }
                if (method.isAnnotationPresent(Delete.class)) {
                    interactions.add("delete");
                }
                if (method.isAnnotationPresent(Patch.class)) {
                    interactions.add("patch");
                }
                if (method.isAnnotationPresent(History.class)) {
                    interactions.add("history-instance");
                }
                if (method.isAnnotationPresent(Operation.class)) {
                    operations.add(method.getAnnotation(Operation.class).name().replaceFirst("^\\$", ""));
                }
            }
            declared.put(type, new Declared(interactions, parameters, operations));
        }
        // The export operations live in providers of their own: a type's operations join its entry.
        for (Object operations : List.of(everything, export)) {
            for (Method method : AopUtils.getTargetClass(operations).getMethods()) {
                var operation = method.getAnnotation(Operation.class);
                if (operation == null || operation.type() == org.hl7.fhir.instance.model.api.IBaseResource.class) {
                    continue;
                }
                String type = FHIR.getResourceType(operation.type());
                var entry = declared.computeIfAbsent(
                        type, none -> new Declared(new TreeSet<>(), new TreeSet<>(), new TreeSet<>()));
                var names = new TreeSet<>(entry.operations());
                names.add(operation.name().replaceFirst("^\\$", ""));
                declared.put(type, new Declared(entry.interactions(), entry.searchParameters(), names));
            }
        }
        // HAPI itself serves the definitions of the server's operations, read by id.
        declared.put("OperationDefinition", new Declared(Set.of("read"), Set.of(), Set.of()));
        return declared;
    }

    private record Declared(Set<String> interactions, Set<String> searchParameters, Set<String> operations) {}
}
