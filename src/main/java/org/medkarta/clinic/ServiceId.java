package org.medkarta.clinic;

import java.util.UUID;
import org.medkarta.shared.TypedId;

/** Identifies a service type of a clinic; stored as a bare UUID. */
public record ServiceId(UUID value) implements TypedId {

    public static ServiceId of(String text) {
        return new ServiceId(TypedId.parse(text, "serviceId"));
    }
}
