package org.medkarta.identity;

import java.io.Serializable;
import org.medkarta.shared.ClinicId;

/** A role a person holds, in one clinic for staff roles or platform-wide when {@code clinic} is null. */
public record RoleGrant(Role role, ClinicId clinic) implements Serializable {

    static RoleGrant platformWide(Role role) {
        return new RoleGrant(role, null);
    }
}
