package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * {@code GET|POST /fhir/Patient/{id}/$everything}: the record as a {@code searchset} Bundle for whoever
 * may read it (404 for anyone else, as a read), composed by {@link PatientEverything}. Paged by {@code
 * _count} and {@code _offset} like every search here (each page opens the record again, one audit
 * entry each); {@code _type} narrows the types, {@code _since} to what changed since.
 */
@Component
class EverythingOperation {

    private final PatientScope scope;
    private final PatientEverything everything;

    EverythingOperation(PatientScope scope, PatientEverything everything) {
        this.scope = scope;
        this.everything = everything;
    }

    @Operation(name = "$everything", idempotent = true, type = Patient.class)
    public Bundle everything(
            @IdParam IdType id,
            @OperationParam(name = "_count") IntegerType count,
            @OperationParam(name = "_offset") IntegerType offset,
            @OperationParam(name = "_type", max = OperationParam.MAX_UNLIMITED) List<StringType> type,
            @OperationParam(name = "_since") InstantType since,
            RequestDetails request) {
        var decision = scope.read(FhirIds.parse(id, PatientId::new));
        Set<String> types = everything.types(
                type == null
                        ? List.of()
                        : type.stream().map(StringType::getValue).toList());
        Instant changed = since == null || since.getValue() == null
                ? null
                : since.getValue().toInstant();
        var all = everything.resources(decision, types, changed);

        int size = Pages.size(count == null ? null : count.getValue());
        int from = Math.min(Pages.offset(offset == null ? null : offset.getValue()), all.size());
        int to = Math.min(from + size, all.size());
        String base = request.getFhirServerBase();
        var bundle = new Bundle().setType(BundleType.SEARCHSET).setTotal(all.size());
        for (var resource : all.subList(from, to)) {
            var entry = PatientEverything.entry(resource, base);
            entry.getSearch().setMode(SearchEntryMode.MATCH);
            bundle.addEntry(entry);
        }
        String self = base + "/Patient/" + decision.patient().value() + "/$everything";
        bundle.addLink().setRelation("self").setUrl(page(self, types, since, from, size));
        if (to < all.size()) {
            bundle.addLink().setRelation("next").setUrl(page(self, types, since, to, size));
        }
        if (from > 0) {
            bundle.addLink().setRelation("previous").setUrl(page(self, types, since, Math.max(0, from - size), size));
        }
        return bundle;
    }

    private static String page(String self, Set<String> types, InstantType since, int offset, int count) {
        var url = new StringBuilder(self)
                .append("?_count=")
                .append(count)
                .append("&_offset=")
                .append(offset);
        if (!types.isEmpty()) {
            url.append("&_type=").append(String.join(",", types));
        }
        if (since != null && since.getValue() != null) {
            url.append("&_since=").append(URLEncoder.encode(since.getValueAsString(), StandardCharsets.UTF_8));
        }
        return url.toString();
    }
}
