package org.medkarta.terminology;

import java.time.Duration;
import org.medkarta.shared.DomainException;

/**
 * 503 {@code icd10-loading}: the dictionary is being imported on a fresh machine's first start and
 * holds nothing yet; the answer says when to ask again instead of finding nothing silently.
 */
public class Icd10Loading extends DomainException {

    /** About how long the demo copy takes to import on a busy two-core machine. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    Icd10Loading() {
        super(Kind.UNAVAILABLE, "icd10-loading", "problem.icd10-loading");
        retryAfter(RETRY_AFTER);
    }
}
