package org.medkarta.signature;

import java.util.UUID;

/** Whose key signs on the server: a doctor's (their user id) or a clinic's (its id). */
public record SigningKey(Owner owner, UUID ownerId) {

    public enum Owner {
        DOCTOR,
        CLINIC
    }
}
