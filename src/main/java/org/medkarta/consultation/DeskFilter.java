package org.medkarta.consultation;

import java.time.LocalDate;

/**
 * The desk's filters (SPEC D2); each may be null.
 *
 * @param date the day of the start in the clinic's time zone
 * @param patientName part of the patient's name, any case
 */
public record DeskFilter(LocalDate date, Channel channel, String patientName) {

    public static final DeskFilter NONE = new DeskFilter(null, null, null);
}
