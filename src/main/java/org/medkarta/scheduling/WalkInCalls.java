package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The doctor on duty in a walk-in queue (SPEC C9, F4; seed 002): calls the next patient to their room
 * by the clinic's priorities and then by number, marks a patient who did not come, finishes the
 * visit, and sees the queues they are on duty in today with whom they have now.
 *
 * <p>The queue's row is locked while the next one is called, so a ticket is called exactly once
 * however many doctors press "next" on however many nodes. Anyone not on duty in the queue gets
 * {@link NotFound}.
 */
@Service
public class WalkInCalls {

    private static final int NEAR = 3;

    private final WalkIns walkIns;
    private final WalkInNotices notices;
    private final WalkInBroadcasts broadcasts;
    private final WalkInRules rules;
    private final Clock clock;

    WalkInCalls(WalkIns walkIns, WalkInNotices notices, WalkInBroadcasts broadcasts, WalkInRules rules, Clock clock) {
        this.walkIns = walkIns;
        this.notices = notices;
        this.broadcasts = broadcasts;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Calls the next patient to the doctor's room: the first waiting ticket by the clinic's
     * priorities, then by number; empty when nobody waits. The patient is told, and the next ones
     * two places away are told to come closer.
     *
     * @throws NotFound for anyone not on duty in the queue
     * @throws SchedulingRefusal {@code walk-in-closed} on another day than the queue's, {@code
     *     walk-in-patient-with-doctor} while the doctor's last patient is not finished or marked absent
     */
    @Transactional
    public Optional<WalkInTicket> callNext(SignedInUser actor, UUID queueId) {
        var unlocked = walkIns.queue(queueId).orElseThrow(NotFound::new);
        var duty = rules.onDuty(actor, unlocked).orElseThrow(NotFound::new);
        // Held to commit: a second doctor pressing "next" at the same instant, on any node, waits
        // here and then sees this ticket called (issue 19).
        var queue = walkIns.lock(queueId).orElseThrow(NotFound::new);
        if (!queue.day().equals(rules.today(queue))) {
            throw SchedulingRefusal.walkInClosed();
        }
        var current = walkIns.calledBy(queue.id(), duty.doctorId());
        if (current.isPresent()) {
            throw SchedulingRefusal.walkInPatientWithDoctor(
                    WalkInRules.label(current.get().number()));
        }
        var next = walkIns.waiting(queue.id(), 1);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        var ticket = next.get(0);
        Instant now = clock.instant();
        int waited = (int) Math.max(0, Duration.between(ticket.takenAt(), now).toSeconds());
        if (!walkIns.call(ticket.id(), duty.doctorId(), duty.room(), now, waited)) {
            throw new IllegalStateException("A waiting ticket changed under the queue's lock: " + ticket.id());
        }
        notices.called(ticket, WalkInRules.label(ticket.number()), duty.room());
        for (var near : walkIns.waiting(queue.id(), NEAR)) {
            if (walkIns.claimNearNotice(near.id())) {
                notices.near(near, WalkInRules.label(near.number()));
            }
        }
        broadcasts.board(rules.board(queue));
        return Optional.of(rules.view(walkIns.ticket(ticket.id()).orElseThrow(), queue, true));
    }

    /** The called patient did not come: the ticket leaves the line. */
    @Transactional
    public WalkInTicket noShow(SignedInUser actor, UUID ticketId) {
        return end(actor, ticketId, WalkInTicketStatus.NO_SHOW);
    }

    /** Finishes the visit: its length joins the recent service times the estimates come from. */
    @Transactional
    public WalkInTicket finish(SignedInUser actor, UUID ticketId) {
        return end(actor, ticketId, WalkInTicketStatus.SERVED);
    }

    private WalkInTicket end(SignedInUser actor, UUID ticketId, WalkInTicketStatus outcome) {
        var ticket = walkIns.ticket(ticketId).orElseThrow(NotFound::new);
        var queue = walkIns.queue(ticket.queueId()).orElseThrow(NotFound::new);
        var duty = rules.onDuty(actor, queue).orElseThrow(NotFound::new);
        if (ticket.status() != WalkInTicketStatus.CALLED || !duty.doctorId().equals(ticket.doctorId())) {
            throw SchedulingRefusal.walkInTicketNotCalled();
        }
        Instant now = clock.instant();
        Integer service = outcome == WalkInTicketStatus.SERVED
                ? (int) Math.max(0, Duration.between(ticket.calledAt(), now).toSeconds())
                : null;
        if (!walkIns.finish(ticket.id(), outcome, now, service)) {
            throw SchedulingRefusal.walkInTicketNotCalled();
        }
        broadcasts.board(rules.board(queue));
        return rules.view(walkIns.ticket(ticket.id()).orElseThrow(), queue, true);
    }

    /** The queues the doctor is on duty in today, each with whom they have now. */
    @Transactional(readOnly = true)
    public List<WalkInDesk> desk(SignedInUser actor) {
        var profiles = rules.profiles(actor);
        if (profiles.isEmpty()) {
            return List.of();
        }
        LocalDate utc = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        var found = new ArrayList<WalkInDesk>();
        for (var queue : walkIns.dutiesOf(profiles, utc.minusDays(1), utc.plusDays(1))) {
            if (!queue.day().equals(rules.today(queue))) {
                continue;
            }
            var duty = rules.onDuty(actor, queue).orElseThrow();
            var current = walkIns.calledBy(queue.id(), duty.doctorId())
                    .map(ticket -> rules.view(ticket, queue, true))
                    .orElse(null);
            found.add(new WalkInDesk(rules.view(queue), duty.room(), current, walkIns.waitingCount(queue.id())));
        }
        return found;
    }

    /** Whether one of the doctor's profiles called the patient from a walk-in queue: a care relationship (SPEC F4). */
    @Transactional(readOnly = true)
    public boolean saw(Collection<DoctorId> doctors, PatientId patient) {
        return walkIns.saw(doctors, patient);
    }
}
