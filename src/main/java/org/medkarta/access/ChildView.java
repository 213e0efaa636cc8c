package org.medkarta.access;

import java.time.LocalDate;
import org.medkarta.shared.PatientId;

/**
 * A child linked to a parent.
 *
 * @param accessEnds the day the parent's access ends: the 15th birthday (28 February for 29 February in a common year)
 * @param parentAccess whether the parent may open the record now
 */
public record ChildView(
        PatientId patientId, String name, LocalDate birthDate, LocalDate accessEnds, boolean parentAccess) {}
