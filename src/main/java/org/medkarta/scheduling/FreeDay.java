package org.medkarta.scheduling;

import java.time.LocalDate;

/** A day of the booking calendar and how many free slots it holds for the patient asking. */
public record FreeDay(LocalDate date, int freeSlots) {}
