package org.medkarta.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Paging as {@link Pages} does, over a module's records held in memory, translating only the page:
 * a directory resource that needs more reads per entry (a role's services) costs them for one page.
 */
final class DirectoryPages {

    private DirectoryPages() {}

    static <T> IBundleProvider of(
            List<T> all, Integer offset, Integer count, Function<? super T, ? extends IBaseResource> translate) {
        int from = Math.min(Pages.offset(offset), all.size());
        int to = Math.min(from + Pages.size(count), all.size());
        var page = new SimpleBundleProvider(all.subList(from, to).stream()
                .map(translate)
                .map(IBaseResource.class::cast)
                .toList());
        page.setSize(all.size());
        page.setCurrentPageOffset(from);
        page.setCurrentPageSize(Pages.size(count));
        return page;
    }
}
