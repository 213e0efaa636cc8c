package org.medkarta.scheduling;

import org.medkarta.shared.DomainException;

/** The refusals of scheduling and booking, named as the public API contract names them. */
public final class SchedulingRefusal extends DomainException {

    private SchedulingRefusal(Kind kind, String problem, Object... arguments) {
        super(kind, problem, "problem." + problem, arguments);
    }

    static SchedulingRefusal slotTaken() {
        return new SchedulingRefusal(Kind.CONFLICT, "slot-taken");
    }

    /**
     * The patient closed their account (SPEC A9): their record is kept but nobody is booked on it; the
     * patient registers again and the clinic books the new account.
     */
    static SchedulingRefusal patientAccountClosed() {
        return new SchedulingRefusal(Kind.CONFLICT, "patient-account-closed");
    }

    static SchedulingRefusal slotInPast() {
        return new SchedulingRefusal(Kind.CONFLICT, "slot-in-past");
    }

    static SchedulingRefusal bookingNotOpen(int days) {
        return new SchedulingRefusal(Kind.CONFLICT, "booking-not-open", days).with("horizonDays", days);
    }

    static SchedulingRefusal overlappingAppointment() {
        return new SchedulingRefusal(Kind.CONFLICT, "overlapping-appointment");
    }

    static SchedulingRefusal consentRequired() {
        return new SchedulingRefusal(Kind.CONFLICT, "consent-required");
    }

    static SchedulingRefusal notVisible() {
        return new SchedulingRefusal(Kind.FORBIDDEN, "not-visible");
    }

    static SchedulingRefusal referralRequired() {
        return new SchedulingRefusal(Kind.FORBIDDEN, "referral-required");
    }

    static SchedulingRefusal referralNotActive() {
        return new SchedulingRefusal(Kind.CONFLICT, "referral-not-active");
    }

    static SchedulingRefusal alreadyStarted() {
        return new SchedulingRefusal(Kind.CONFLICT, "already-started");
    }

    static SchedulingRefusal notStarted() {
        return new SchedulingRefusal(Kind.CONFLICT, "appointment-not-started");
    }

    static SchedulingRefusal notBooked() {
        return new SchedulingRefusal(Kind.CONFLICT, "appointment-not-active");
    }

    static SchedulingRefusal appointmentCancelled() {
        return new SchedulingRefusal(Kind.CONFLICT, "appointment-cancelled");
    }

    static SchedulingRefusal templateOverlap(String otherName) {
        return new SchedulingRefusal(Kind.CONFLICT, "template-overlap", otherName).with("conflictsWith", otherName);
    }

    static SchedulingRefusal appointmentsAffected(int count) {
        return new SchedulingRefusal(Kind.CONFLICT, "appointments-affected", count).with("appointments", count);
    }

    static SchedulingRefusal slotOverlap() {
        return new SchedulingRefusal(Kind.CONFLICT, "slot-overlap");
    }

    static SchedulingRefusal forbidden() {
        return new SchedulingRefusal(Kind.FORBIDDEN, "forbidden");
    }

    static SchedulingRefusal walkInClosed() {
        return new SchedulingRefusal(Kind.CONFLICT, "walk-in-closed");
    }

    static SchedulingRefusal walkInTicketHeld(java.util.UUID ticket) {
        return new SchedulingRefusal(Kind.CONFLICT, "walk-in-ticket-held").with("ticketId", ticket);
    }

    static SchedulingRefusal walkInPatientWithDoctor(String number) {
        return new SchedulingRefusal(Kind.CONFLICT, "walk-in-patient-with-doctor", number).with("number", number);
    }

    static SchedulingRefusal walkInTicketNotCalled() {
        return new SchedulingRefusal(Kind.CONFLICT, "walk-in-ticket-not-called");
    }
}
