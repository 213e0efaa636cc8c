package org.medkarta.shared;

import java.util.UUID;

/** Identifies a Clinic across modules; stored as a bare UUID. */
public record ClinicId(UUID value) implements TypedId {

    public static ClinicId of(String text) {
        return new ClinicId(TypedId.parse(text, "clinicId"));
    }
}
