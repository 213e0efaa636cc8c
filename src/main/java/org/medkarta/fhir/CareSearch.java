package org.medkarta.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.medkarta.shared.PatientId;

/**
 * What the care resources' searches share beyond {@link PatientScope}: the one record several
 * reference parameters name, {@code :text} matching of what the record keeps as text only, and paging a result that only the caller's own records made (so its total reveals
 * nothing of anyone else's), translating only the page asked for.
 */
final class CareSearch {

    private CareSearch() {}

    /**
     * The one record the non-null references ({@code patient}, {@code beneficiary}, {@code entity})
     * name; empty when one names no record here or two name different records, a search that then
     * finds nothing.
     */
    static Optional<PatientId> named(ReferenceParam... references) {
        PatientId named = null;
        for (ReferenceParam reference : references) {
            if (reference == null) {
                continue;
            }
            var record = PatientScope.patientOf(reference);
            if (record.isEmpty() || (named != null && !named.equals(record.get()))) {
                return Optional.empty();
            }
            named = record.get();
        }
        return Optional.ofNullable(named);
    }

    /** Whether any {@code :text} token is a part of {@code text} (case- and ё-insensitive); true when absent. */
    static boolean matchesText(TokenOrListParam wanted, String text) {
        if (wanted == null) {
            return true;
        }
        return wanted.getValuesAsQueryTokens().stream()
                .anyMatch(token -> token.getModifier() == TokenParamModifier.TEXT
                        && text != null
                        && token.getValue() != null
                        && Strings.fold(text).contains(Strings.fold(token.getValue())));
    }

    /** One page of a whole result held in memory, only the page translated. */
    static <T> IBundleProvider page(
            List<T> all, Integer offset, Integer count, Function<T, ? extends IBaseResource> translate) {
        int size = Pages.size(count);
        int from = Math.min(Pages.offset(offset), all.size());
        int to = Math.min(from + size, all.size());
        var resources = new ArrayList<IBaseResource>();
        for (T item : all.subList(from, to)) {
            resources.add(translate.apply(item));
        }
        var page = new SimpleBundleProvider(resources);
        page.setSize(all.size());
        page.setCurrentPageOffset(from);
        page.setCurrentPageSize(size);
        return page;
    }
}
