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
 *
 * <p>Its public facades, one per use case:
 *
 * <ul>
 *   <li>{@link org.medkarta.scheduling.ScheduleTemplates}: a doctor's schedule templates (C1),
 *       tested by {@code ScheduleTemplatesIT};
 *   <li>{@link org.medkarta.scheduling.DoctorSchedules}: who keeps and sees a schedule, slots by
 *       hand, the doctor's calendar and the clinic's booking horizon (C2, C6),
 *       tested by {@code DoctorSchedulesIT};
 *   <li>{@link org.medkarta.scheduling.SlotSearch}: free slots and free days by the visibility rules,
 *       FHIR's Slot pages, the doctors and specialties the booking pages name (C3, B5),
 *       tested by {@code SlotSearchIT};
 *   <li>{@link org.medkarta.scheduling.Booking}: booking a slot, by a patient, staff or a colleague,
 *       and the booking's follow-up (C4, C6, C8),
 *       tested by {@code BookingIT};
 *   <li>{@link org.medkarta.scheduling.AppointmentChanges}: cancel and reschedule, a closed account's
 *       and an unpaid booking's appointments (C5, A9, B8),
 *       tested by {@code AppointmentChangesIT};
 *   <li>{@link org.medkarta.scheduling.AppointmentReading}: appointments as their patient side and
 *       staff read them, and appointments as care relationships (F4),
 *       tested by {@code AppointmentReadingIT};
 *   <li>{@link org.medkarta.scheduling.CalendarFiles}: .ics files and private calendar feeds (C7),
 *       tested by {@code CalendarFilesIT};
 *   <li>{@link org.medkarta.scheduling.AppointmentReminders}: reminders before an appointment (C8),
 *       tested by {@code AppointmentRemindersIT};
 *   <li>{@link org.medkarta.scheduling.PatientReferrals}: the referrals a patient holds and a
 *       booking uses up (C4, D10, H2),
 *       tested by {@code PatientReferralsIT};
 *   <li>{@link org.medkarta.scheduling.ReferralDesk}: a doctor's referrals section and paper
 *       referrals (issue 23),
 *       tested by {@code ReferralDeskIT};
 *   <li>{@link org.medkarta.scheduling.Slips}, {@link org.medkarta.scheduling.AppointmentFiles},
 *       {@link org.medkarta.scheduling.NoShows}, {@link org.medkarta.scheduling.ScheduleLoad}: the
 *       appointment slip (issue 23), an appointment's files, no-shows and doctors' load (J3),
 *       tested by {@code SlipsIT}, {@code AppointmentFilesIT}, {@code NoShowsIT} and {@code ScheduleLoadIT};
 *   <li>{@link org.medkarta.scheduling.WalkInQueues}: a clinic's walk-in queues and who goes first (C9),
 *       tested by {@code WalkInQueuesIT};
 *   <li>{@link org.medkarta.scheduling.WalkInTickets}: walk-in tickets on the phone, at the kiosk and
 *       at the registry desk (C9),
 *       tested by {@code WalkInTicketsIT};
 *   <li>{@link org.medkarta.scheduling.WalkInCalls}: the doctor on duty calling, marking and
 *       finishing (C9, F4),
 *       tested by {@code WalkInCallsIT};
 *   <li>{@link org.medkarta.scheduling.WalkInBoards}: the waiting-room board, doctors' load and waits
 *       (C9, J3),
 *       tested by {@code WalkInBoardsIT}.
 * </ul>
 *
 * <p>Who manages or sees a schedule and who reads an appointment is decided in one package-private
 * {@code ScheduleRules}; every cancellation runs through the package-private {@code
 * AppointmentCancelling}; the walk-in facades ask the package-private {@code WalkInRules}.
 */
@ApplicationModule(displayName = "Scheduling")
package org.medkarta.scheduling;

import org.springframework.modulith.ApplicationModule;
