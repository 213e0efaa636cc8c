package org.medkarta.homevisit;

/**
 * A request for a doctor at home as typed (issue 23).
 *
 * @param patientId the patient the doctor is asked for; the signed-in person's own record when blank
 * @param temperature optional, degrees Celsius with a comma or a dot
 * @param day {@code TODAY} or {@code TOMORROW}, or the ISO date of one of them
 */
public record HomeVisitForm(
        String patientId,
        String clinicId,
        String address,
        String reason,
        String temperature,
        String phone,
        String day) {}
