package org.medkarta.shared;

import java.util.UUID;

/** Identifies a Patient across modules; stored as a bare UUID. */
public record PatientId(UUID value) implements TypedId {

    public static PatientId of(String text) {
        return new PatientId(TypedId.parse(text, "patientId"));
    }
}
