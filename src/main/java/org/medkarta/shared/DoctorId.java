package org.medkarta.shared;

import java.util.UUID;

/** Identifies a Doctor across modules; stored as a bare UUID. */
public record DoctorId(UUID value) implements TypedId {

    public static DoctorId of(String text) {
        return new DoctorId(TypedId.parse(text, "doctorId"));
    }
}
