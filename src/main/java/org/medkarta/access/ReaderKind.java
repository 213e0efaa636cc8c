package org.medkarta.access;

import java.util.List;

/**
 * Who opened a record, as the patient's access log groups them (SPEC G3): the audit trail records
 * the relation an opening was allowed on, or the caller's role for a refused one.
 */
public enum ReaderKind {
    /** A doctor or other clinic staff, or a platform administrator. */
    CLINIC(List.of(
            "CLINICIAN",
            "STAFF",
            "CLINIC",
            "DOCTOR",
            "PARAMEDIC",
            "REGISTRAR",
            "CLINIC_ADMIN",
            "PLATFORM_ADMIN",
            "SUPPORT")),
    /** A parent or a person the patient granted access to. */
    REPRESENTATIVE(List.of("PARENT", "GRANTEE")),
    /**
     * The patient themselves: the relation an opening was allowed on. A refused attempt is recorded
     * under the caller's role, and a refused {@code PATIENT} is somebody else, never "you".
     */
    SELF(List.of("SELF")),
    /** A doctor who opened the record in an emergency, with a stated reason. */
    EMERGENCY(List.of("EMERGENCY"));

    private final List<String> roles;

    ReaderKind(List<String> roles) {
        this.roles = roles;
    }

    /** The roles of audit entries that are this kind of reader. */
    List<String> roles() {
        return roles;
    }

    /** The kind of reader an audit entry's role names; an anonymous or unknown one is none. */
    static ReaderKind of(String role) {
        for (ReaderKind kind : values()) {
            if (kind.roles.contains(role)) {
                return kind;
            }
        }
        return null;
    }
}
