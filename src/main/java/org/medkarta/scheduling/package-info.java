/**
 * Scheduling and booking (SPEC C1–C8): doctors' schedule templates, the slots made from them over
 * the clinic's booking horizon in the clinic's time zone, slot search honouring visibility,
 * race-free booking, cancellation and rescheduling, referrals that a booking uses up, iCalendar
 * files and private feeds, and the notices and reminders about appointments.
 *
 * <p>Exactly one appointment per slot and no overlapping appointments per patient are kept by the
 * database (a conditional update of the slot, a unique constraint, and a per-patient lock row),
 * never by locks in memory, so any number of nodes can book at once.
 *
 * <p>It does not hold clinics, doctors, services or documents (it asks the clinic module's facades
 * such as {@link org.medkarta.clinic.ClinicCatalogue}), accounts (the identity module) or messages (it hands
 * finished texts to the notification module's outbox). Consultations are not here.
 */
@ApplicationModule(displayName = "Scheduling")
package org.medkarta.scheduling;

import org.springframework.modulith.ApplicationModule;
