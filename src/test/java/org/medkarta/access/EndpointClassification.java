package org.medkarta.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every endpoint of the app, API and pages of every module, by who may call it and where that is
 * tested (issue 12). {@link EndpointInventoryIT} fails when the running app maps an endpoint not
 * listed here, or when an entry lists one it no longer maps. Add a new endpoint at merge with its
 * kind and the reason, in its module's block.
 */
final class EndpointClassification {

    enum Kind {
        /** Called by a row of {@link AccessMatrixIT} for every role and kind of owner. */
        MATRIX,
        /** Open to anyone: sign-in, registration, the public catalogue, static documents. */
        PUBLIC,
        /** About the caller's own account or data only; nothing of another person is reachable. */
        SELF_ONLY,
        /** Staff only, each answering 404 outside the caller's clinic (or role) as the reason says. */
        STAFF_ONLY,
        /** About one record or consultation, decided per person by the module's facade, tested where the reason says. */
        PER_PERSON,
        /** Framework, documentation, development and test tooling. */
        INFRASTRUCTURE
    }

    record Entry(Kind kind, String reason) {}

    static final Map<String, Entry> ALL;

    static {
        var all = new LinkedHashMap<String, Entry>();
        ALL = Collections.unmodifiableMap(all);
    }

    private static void add(Map<String, Entry> all, Kind kind, String reason, String... endpoints) {
        for (String endpoint : endpoints) {
            if (all.put(endpoint, new Entry(kind, reason)) != null) {
                throw new IllegalStateException("classified twice: " + endpoint);
            }
        }
    }

    private EndpointClassification() {}
}
