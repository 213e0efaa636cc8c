package org.medkarta.clinic;

import java.time.Instant;
import org.medkarta.shared.UserId;

/** One change of a service's price: from what, to what, when and by whom. */
public record PriceChange(
        long oldKopecks, long newKopecks, Instant changedAt, UserId changedBy, String changedByName) {}
