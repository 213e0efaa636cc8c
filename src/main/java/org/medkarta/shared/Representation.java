package org.medkarta.shared;

import java.util.List;

/**
 * Whether a person may act for another person's record: book, cancel and see appointments on
 * their behalf (SPEC F1 "full control", F3 a parent of a child under 15).
 *
 * <p>A port: the access module decides it, and modules that act for patients (scheduling) ask it
 * without depending on access, so access may in turn depend on them.
 */
public interface Representation {

    /** Whether {@code user} may act for {@code patient} right now; every answer is audited. */
    boolean mayActFor(UserId user, PatientId patient);

    /**
     * Who is told about an appointment of {@code patient} that {@code booker} made, decided when the
     * notice goes out (issue 7): the booker while they may still act for the patient, otherwise the
     * patient's own account — from a child's 15th birthday their reminders go to them, not to the
     * parent; after a revoked grant, to the patient. Not audited: it opens no record data.
     */
    UserId toldAbout(PatientId patient, UserId booker);

    /** The patients {@code user} may act for right now, besides their own record, with names to show. */
    List<Represented> representedBy(UserId user);

    /** A person one may act for, with the name a page shows. */
    record Represented(PatientId patientId, String name) {}
}
