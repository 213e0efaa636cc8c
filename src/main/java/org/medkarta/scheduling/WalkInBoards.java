package org.medkarta.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the walk-in queues show (SPEC C9, J3; seed 002): the waiting-room board of the numbers called
 * and their rooms, which anyone may read, and, for the clinic's administrators and heads of
 * department, each doctor's load today and the waits per doctor and day for the dashboard.
 */
@Service
public class WalkInBoards {

    private final WalkIns walkIns;
    private final ClinicCatalogue clinics;
    private final WalkInRules rules;
    private final Clock clock;

    WalkInBoards(WalkIns walkIns, ClinicCatalogue clinics, WalkInRules rules, Clock clock) {
        this.walkIns = walkIns;
        this.clinics = clinics;
        this.rules = rules;
        this.clock = clock;
    }

    /** What the waiting-room screen shows; anyone may read it. */
    @Transactional(readOnly = true)
    public WalkInBoard board(UUID queueId) {
        return rules.board(walkIns.queue(queueId).orElseThrow(NotFound::new));
    }

    /**
     * Each doctor's load in the clinic's walk-in queues today: how many wait, whom they have now,
     * served, not come, mean and longest wait.
     *
     * @throws NotFound for anyone who may not {@link WalkInQueues#mayWatch watch} the clinic
     */
    @Transactional(readOnly = true)
    public List<WalkInLoad> load(SignedInUser actor, ClinicId clinic) {
        if (!rules.mayWatch(actor, clinic)) {
            throw new NotFound();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clinics.timezone(clinic));
        Map<String, WalkIns.Tally> tallies = walkIns.tallies(clinic, today).stream()
                .collect(Collectors.toMap(t -> t.queueId() + "/" + t.doctorId().value(), t -> t));
        var found = new ArrayList<WalkInLoad>();
        for (var queue : walkIns.queuesOf(clinic, today)) {
            int waiting = walkIns.waitingCount(queue.id());
            for (var duty : walkIns.duties(queue.id())) {
                var tally = tallies.get(queue.id() + "/" + duty.doctorId().value());
                String current = walkIns.calledBy(queue.id(), duty.doctorId())
                        .map(ticket -> WalkInRules.label(ticket.number()))
                        .orElse(null);
                found.add(new WalkInLoad(
                        queue.id(),
                        queue.name(),
                        duty.doctorId(),
                        rules.doctorName(duty.doctorId()),
                        duty.room(),
                        waiting,
                        current,
                        tally == null ? 0 : tally.served(),
                        tally == null ? 0 : tally.noShows(),
                        tally == null ? 0 : (int) Math.round(tally.meanWait() / 60),
                        tally == null ? 0 : (tally.maxWait() + 59) / 60));
            }
        }
        return found;
    }

    /**
     * Walk-in waits per doctor and day of the clinic between two days, both included, computed in
     * SQL: mean and longest wait in minutes, patients served and not come. For the clinic's
     * dashboard.
     *
     * @throws NotFound for anyone who may not {@link WalkInQueues#mayWatch watch} the clinic
     */
    @Transactional(readOnly = true)
    public List<WalkInWaits> waits(SignedInUser actor, ClinicId clinic, LocalDate from, LocalDate to) {
        if (!rules.mayWatch(actor, clinic)) {
            throw new NotFound();
        }
        return walkIns.waits(clinic, from, to);
    }
}
