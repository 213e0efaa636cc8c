package org.medkarta.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One page of a search result, paged by {@code _offset} and {@code _count} (HAPI's non-cached offset
 * paging, so any node answers any page): 20 a page unless asked, 200 at most.
 */
final class Pages {

    static final int DEFAULT = 20;
    static final int MAXIMUM = 200;

    private Pages() {}

    /** The page size the client asked for, within bounds. */
    static int size(Integer count) {
        return count == null ? DEFAULT : Math.max(0, Math.min(count, MAXIMUM));
    }

    static int offset(Integer offset) {
        return offset == null ? 0 : Math.max(0, offset);
    }

    /** A page cut from a whole result held in memory (the directory's short lists). */
    static IBundleProvider of(List<? extends IBaseResource> all, Integer offset, Integer count) {
        int from = Math.min(offset(offset), all.size());
        int to = Math.min(from + size(count), all.size());
        var page = new SimpleBundleProvider(List.copyOf(all.subList(from, to)));
        page.setSize(all.size());
        page.setCurrentPageOffset(from);
        page.setCurrentPageSize(size(count));
        return page;
    }
}
