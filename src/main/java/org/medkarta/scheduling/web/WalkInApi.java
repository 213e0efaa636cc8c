package org.medkarta.scheduling.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.WalkInBoard;
import org.medkarta.scheduling.WalkInBoards;
import org.medkarta.scheduling.WalkInCalls;
import org.medkarta.scheduling.WalkInLoad;
import org.medkarta.scheduling.WalkInQueueForm;
import org.medkarta.scheduling.WalkInQueueView;
import org.medkarta.scheduling.WalkInQueues;
import org.medkarta.scheduling.WalkInSettings;
import org.medkarta.scheduling.WalkInTicket;
import org.medkarta.scheduling.WalkInTickets;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The walk-in queue over the API (SPEC C9, seed 002 «Дежурный врач»): queues of a clinic, tickets,
 * "call next", no-show and finish, the public board, the clinic's priorities and the live load.
 * Everything is decided by {@link WalkInQueues}.
 */
@RestController
@Tag(name = "Walk-in queue")
class WalkInApi {

    private final WalkInQueues walkInQueues;
    private final WalkInTickets walkInTickets;
    private final WalkInCalls walkInCalls;
    private final WalkInBoards walkInBoards;

    WalkInApi(
            WalkInQueues walkInQueues,
            WalkInTickets walkInTickets,
            WalkInCalls walkInCalls,
            WalkInBoards walkInBoards) {
        this.walkInQueues = walkInQueues;
        this.walkInTickets = walkInTickets;
        this.walkInCalls = walkInCalls;
        this.walkInBoards = walkInBoards;
    }

    /** The clinic's walk-in queues of a day (today in its zone by default): public. */
    @GetMapping("/api/v1/clinics/{id}/walk-in-queues")
    List<Queue> list(@PathVariable String id, @RequestParam(required = false) String day) {
        return walkInQueues.queues(clinic(id), Params.date(day, "day")).stream()
                .map(Queue::of)
                .toList();
    }

    /** Opens a walk-in queue: the clinic's administrators. */
    @PostMapping("/api/v1/clinics/{id}/walk-in-queues")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    Queue open(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody QueueBody body) {
        return Queue.of(walkInQueues.open(
                user,
                clinic(id),
                new WalkInQueueForm(
                        body.name(),
                        body.specialty(),
                        body.room(),
                        body.day(),
                        body.opensAt(),
                        body.closesAt(),
                        body.doctorIds() == null ? List.of() : body.doctorIds())));
    }

    /** Takes a ticket for oneself, or at the registry desk for a patient of the clinic. */
    @PostMapping("/api/v1/walk-in-queues/{id}/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    Ticket take(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody(required = false) TicketBody body) {
        UUID patient = body == null ? null : Params.uuid(body.patientId(), "patientId");
        boolean privileged = body != null && Boolean.TRUE.equals(body.privileged());
        return Ticket.of(walkInTickets.take(
                user, TypedId.parse(id, "id"), patient == null ? null : new PatientId(patient), privileged));
    }

    /** Calls the next patient to the caller's room; 204 when nobody waits. */
    @PostMapping("/api/v1/walk-in-queues/{id}/call-next")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Ticket> callNext(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return walkInCalls
                .callNext(user, TypedId.parse(id, "id"))
                .map(ticket -> ResponseEntity.ok(Ticket.of(ticket)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** The waiting-room board: numbers called and their rooms. Public. */
    @GetMapping("/api/v1/walk-in-queues/{id}/board")
    WalkInBoard board(@PathVariable String id) {
        return walkInBoards.board(TypedId.parse(id, "id"));
    }

    /** A ticket, as its patient or staff of the queue see it. */
    @GetMapping("/api/v1/walk-in-tickets/{id}")
    @PreAuthorize("isAuthenticated()")
    Ticket ticket(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Ticket.of(walkInTickets.ticket(user, TypedId.parse(id, "id")));
    }

    /** The called patient did not come. */
    @PostMapping("/api/v1/walk-in-tickets/{id}/no-show")
    @PreAuthorize("isAuthenticated()")
    Ticket noShow(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Ticket.of(walkInCalls.noShow(user, TypedId.parse(id, "id")));
    }

    /** The doctor finishes the visit. */
    @PostMapping("/api/v1/walk-in-tickets/{id}/finish")
    @PreAuthorize("isAuthenticated()")
    Ticket finish(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Ticket.of(walkInCalls.finish(user, TypedId.parse(id, "id")));
    }

    /** Which patients the clinic's queues call first. */
    @GetMapping("/api/v1/clinics/{id}/walk-in-settings")
    @PreAuthorize("isAuthenticated()")
    WalkInSettings settings(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return walkInQueues.settings(user, clinic(id));
    }

    /** Sets which patients the clinic's queues call first. */
    @PutMapping("/api/v1/clinics/{id}/walk-in-settings")
    @PreAuthorize("isAuthenticated()")
    WalkInSettings choose(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody SettingsBody body) {
        return walkInQueues.choose(
                user,
                clinic(id),
                new WalkInSettings(
                        Boolean.TRUE.equals(body.prebookedFirst()), Boolean.TRUE.equals(body.privilegedFirst())));
    }

    /** Each doctor's load in the clinic's walk-in queues today. */
    @GetMapping("/api/v1/clinics/{id}/walk-in-load")
    @PreAuthorize("isAuthenticated()")
    List<WalkInLoad> load(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return walkInBoards.load(user, clinic(id));
    }

    private static ClinicId clinic(String id) {
        return new ClinicId(TypedId.parse(id, "id"));
    }

    /** A queue to open; {@code day} {@code yyyy-MM-dd}, hours {@code HH:mm} in the clinic's zone. */
    record QueueBody(
            String name,
            String specialty,
            String room,
            String day,
            String opensAt,
            String closesAt,
            List<String> doctorIds) {}

    /** {@code patientId} absent for oneself; {@code privileged} counts at the registry desk only. */
    record TicketBody(String patientId, Boolean privileged) {}

    record SettingsBody(Boolean prebookedFirst, Boolean privilegedFirst) {}

    record Doctor(UUID id, String name, String room) {}

    record Queue(
            UUID id,
            UUID clinicId,
            String clinicName,
            String name,
            String specialty,
            String room,
            LocalDate day,
            LocalTime opensAt,
            LocalTime closesAt,
            List<Doctor> doctors,
            int waiting) {
        static Queue of(WalkInQueueView view) {
            return new Queue(
                    view.id(),
                    view.clinicId().value(),
                    view.clinicName(),
                    view.name(),
                    view.specialty(),
                    view.room(),
                    view.day(),
                    view.opensAt(),
                    view.closesAt(),
                    view.doctors().stream()
                            .map(d -> new Doctor(d.doctorId().value(), d.doctorName(), d.room()))
                            .toList(),
                    view.waiting());
        }
    }

    /**
     * A ticket: {@code number} as the board reads it ({@code Т-015}), {@code position} from 1 while
     * waiting (0 after), {@code status} WAITING|CALLED|SERVED|NO_SHOW, {@code room} once called.
     */
    record Ticket(
            UUID id,
            UUID queueId,
            String number,
            int position,
            int estimatedWaitMinutes,
            String status,
            String channel,
            String room,
            UUID patientId,
            String patientName,
            Instant takenAt,
            Instant calledAt,
            Instant finishedAt) {
        static Ticket of(WalkInTicket view) {
            return new Ticket(
                    view.id(),
                    view.queueId(),
                    view.number(),
                    view.position(),
                    view.estimatedWaitMinutes(),
                    view.status().name(),
                    view.channel().name(),
                    view.room(),
                    view.patientId().value(),
                    view.patientName(),
                    view.takenAt(),
                    view.calledAt(),
                    view.finishedAt());
        }
    }
}
