package org.medkarta.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IIdType;
import org.medkarta.shared.NotFound;

/**
 * Resource ids are the owning module's UUIDs. An id that is not one names nothing here, so it answers
 * 404 like an id that is one but unknown, never 400 (which would tell a prober which ids are
 * well-formed).
 */
final class FhirIds {

    private FhirIds() {}

    static <T> T parse(IIdType id, Function<UUID, T> type) {
        return parse(id == null ? null : id.getIdPart(), type);
    }

    static <T> T parse(String id, Function<UUID, T> type) {
        try {
            return type.apply(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new NotFound();
        }
    }

    static ResourceNotFoundException notFound(IIdType id) {
        return new ResourceNotFoundException(id);
    }
}
