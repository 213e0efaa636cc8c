package org.medkarta.record;

import org.medkarta.shared.DomainException;

/** The extract's PDF is asked for before it is done, or after it failed: 409 with its state. */
public class ExtractNotReady extends DomainException {

    public ExtractNotReady(ExtractState state) {
        super(Kind.CONFLICT, "extract-not-ready", "problem.extract-not-ready");
        with("state", state.name());
    }
}
