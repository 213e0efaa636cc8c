package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.PatientCard;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.SignIn;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicCare;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Representation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walk-in tickets (SPEC C9, seed 002): a numbered ticket taken on one's phone for oneself or a person
 * one acts for, at the kiosk by a code sent to the phone or by the OMS policy and birth date, or at
 * the registry desk for a patient the clinic's registry keeps, who alone may be marked privileged;
 * a ticket with its place in line and the estimated wait; the patient's own tickets.
 *
 * <p>The queue's row is locked while a ticket is numbered, so numbers never repeat however many
 * nodes issue tickets at once. Anyone asking about a ticket that is not theirs gets {@link NotFound}.
 */
@Service
public class WalkInTickets {

    private final WalkIns walkIns;
    private final WalkInBroadcasts broadcasts;
    private final ClinicCatalogue clinics;
    private final SignIn identity;
    private final PatientRecords patientRecords;
    private final ClinicCare care;
    private final Representation representation;
    private final WalkInRules rules;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WalkInTickets(
            WalkIns walkIns,
            WalkInBroadcasts broadcasts,
            ClinicCatalogue clinics,
            SignIn identity,
            PatientRecords patientRecords,
            ClinicCare care,
            Representation representation,
            WalkInRules rules,
            TransactionTemplate transaction,
            Clock clock) {
        this.walkIns = walkIns;
        this.broadcasts = broadcasts;
        this.clinics = clinics;
        this.identity = identity;
        this.patientRecords = patientRecords;
        this.care = care;
        this.representation = representation;
        this.rules = rules;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Whether the person takes tickets for patients at the registry desk of some clinic. */
    @Transactional(readOnly = true)
    public boolean keepsDesk(SignedInUser actor) {
        return !rules.deskClinics(actor).isEmpty();
    }

    /**
     * Takes a ticket: for oneself on one's phone ({@code patient} null or one's own), for a child or
     * a grantor one acts for, or at the registry desk for a patient the clinic's registry keeps
     * (REGISTRAR or CLINIC_ADMIN of the queue's clinic), who alone may mark the patient privileged.
     *
     * @throws NotFound for a queue that does not exist or a patient the person may not act for
     * @throws SchedulingRefusal {@code walk-in-closed} outside the queue's day and hours, {@code
     *     walk-in-ticket-held} when the patient already waits or is with a doctor in this queue
     */
    @Transactional
    public WalkInTicket take(SignedInUser actor, UUID queueId, PatientId patient, boolean privileged) {
        var queue = walkIns.queue(queueId).orElseThrow(NotFound::new);
        if (actor == null) {
            throw new NotFound();
        }
        PatientId whom = patient == null ? actor.patientId() : patient;
        if (whom == null) {
            throw new InvalidInput("patientId", "validation.required");
        }
        WalkInChannel channel;
        if (whom.equals(actor.patientId())) {
            channel = WalkInChannel.PHONE;
        } else if (rules.deskClinics(actor).contains(queue.clinicId()) && care.keepsRegistry(actor.userId(), whom)) {
            channel = WalkInChannel.DESK;
        } else if (representation.mayActFor(actor.userId(), whom)) {
            channel = WalkInChannel.PHONE;
        } else {
            throw new NotFound();
        }
        var ticket =
                issue(queue.id(), whom, channel, actor.userId().value(), channel == WalkInChannel.DESK && privileged);
        return rules.view(ticket, queue, channel == WalkInChannel.DESK);
    }

    /**
     * Sends the kiosk's sign-in code to a patient's phone (seed 002: «в инфомате»); an unregistered
     * phone gets the same answer and no SMS.
     */
    public void kioskCode(UUID queueId, String phone, ClientInfo client, Locale locale) {
        walkIns.queue(queueId).orElseThrow(NotFound::new);
        identity.requestCode(phone, client, locale);
    }

    /**
     * Takes a ticket at the kiosk for the patient whose phone the code was sent to. The code is
     * checked outside the ticket's transaction, so a wrong one counts towards identity's limit
     * (SPEC A5) even though no ticket is taken.
     */
    public WalkInTicket kioskByCode(UUID queueId, String phone, String code, ClientInfo client) {
        walkIns.queue(queueId).orElseThrow(NotFound::new);
        var user = identity.signInWithCode(phone, code, client);
        if (user.patientId() == null) {
            throw new InvalidInput("phone", "scheduling.walk-in.validation.no-record");
        }
        return transaction.execute(status -> {
            var queue = walkIns.queue(queueId).orElseThrow(NotFound::new);
            return rules.view(
                    issue(
                            queue.id(),
                            user.patientId(),
                            WalkInChannel.KIOSK,
                            user.userId().value(),
                            false),
                    queue,
                    false);
        });
    }

    /**
     * Takes a ticket at the kiosk by the OMS policy number and the birth date (as an infomat asks:
     * seed 002, «данные о полисе … (номер и дата рождения)»). A number and date that lead to no one
     * are refused naming the policy, without saying which of the two is wrong.
     */
    @Transactional
    public WalkInTicket kioskByPolicy(UUID queueId, String policy, String birthDate) {
        var queue = walkIns.queue(queueId).orElseThrow(NotFound::new);
        String digits = policy == null ? "" : policy.replaceAll("[\\s\\-]", "");
        LocalDate born;
        try {
            born = LocalDate.parse(birthDate == null ? "" : birthDate.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("birthDate", "scheduling.validation.date");
        }
        if (!digits.matches("\\d{16}")) {
            throw new InvalidInput("policy", "scheduling.walk-in.validation.policy");
        }
        var matching = patientRecords.holders(digits).stream()
                .map(patientRecords::find)
                .flatMap(Optional::stream)
                .filter(card -> born.equals(card.birthDate()))
                .map(PatientCard::patientId)
                .distinct()
                .toList();
        if (matching.size() != 1) {
            throw new InvalidInput("policy", "scheduling.walk-in.validation.policy");
        }
        return rules.view(issue(queue.id(), matching.get(0), WalkInChannel.KIOSK, null, false), queue, false);
    }

    private WalkIns.Ticket issue(
            UUID queueId, PatientId patient, WalkInChannel channel, UUID takenBy, boolean privileged) {
        // The queue's row lock numbers tickets one at a time on every node (issue 19).
        var queue = walkIns.lock(queueId).orElseThrow(NotFound::new);
        if (!rules.takesTickets(queue)) {
            throw SchedulingRefusal.walkInClosed();
        }
        var held = walkIns.openTicket(queue.id(), patient);
        if (held.isPresent()) {
            throw SchedulingRefusal.walkInTicketHeld(held.get().id());
        }
        int number = walkIns.nextNumber(queue.id());
        var settings = walkIns.settings(queue.clinicId());
        ZoneId zone = clinics.timezone(queue.clinicId());
        Instant dayStart = queue.day().atStartOfDay(zone).toInstant();
        boolean prebooked = walkIns.booked(
                patient,
                queue.clinicId(),
                dayStart,
                queue.day().plusDays(1).atStartOfDay(zone).toInstant());
        int rank =
                (privileged && settings.privilegedFirst() ? 2 : 0) + (prebooked && settings.prebookedFirst() ? 1 : 0);
        var ticket = new WalkIns.Ticket(
                UUID.randomUUID(),
                queue.id(),
                number,
                patient,
                rank,
                channel,
                WalkInTicketStatus.WAITING,
                takenBy,
                clock.instant(),
                null,
                null,
                null,
                null);
        walkIns.insert(ticket, prebooked, privileged);
        broadcasts.board(rules.board(queue));
        return ticket;
    }

    /**
     * A ticket as its patient (or who acts for them) sees it, or as staff of the queue's clinic see it:
     * a doctor on duty in the queue, its registry desk; staff also see the patient's name.
     */
    @Transactional(readOnly = true)
    public WalkInTicket ticket(SignedInUser actor, UUID id) {
        var ticket = walkIns.ticket(id).orElseThrow(NotFound::new);
        var queue = walkIns.queue(ticket.queueId()).orElseThrow(NotFound::new);
        if (actor != null
                && (ticket.patientId().equals(actor.patientId())
                        || representation.mayActFor(actor.userId(), ticket.patientId()))) {
            return rules.view(ticket, queue, false);
        }
        if (rules.onDuty(actor, queue).isPresent() || rules.deskClinics(actor).contains(queue.clinicId())) {
            return rules.view(ticket, queue, true);
        }
        throw new NotFound();
    }

    /** The signed-in patient's own tickets of today and yesterday, newest first. */
    @Transactional(readOnly = true)
    public List<WalkInTicket> myTickets(SignedInUser actor) {
        if (actor == null || actor.patientId() == null) {
            return List.of();
        }
        LocalDate utc = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        var queues = new HashMap<UUID, WalkIns.Queue>();
        return walkIns.ticketsOf(actor.patientId(), utc.minusDays(1), utc.plusDays(1)).stream()
                .map(t -> rules.view(
                        t,
                        queues.computeIfAbsent(
                                t.queueId(), q -> walkIns.queue(q).orElseThrow()),
                        false))
                .toList();
    }

    /** The clinics at whose registry desk the person takes tickets: as a registrar, or as an administrator. */
    @Transactional(readOnly = true)
    public List<ClinicId> deskClinics(SignedInUser actor) {
        return rules.deskClinics(actor);
    }

    /** The patients a phone, SNILS or policy number leads to whom the person's registry keeps. */
    @Transactional(readOnly = true)
    public List<PatientCard> findPatients(SignedInUser actor, String query) {
        if (!keepsDesk(actor)) {
            throw new NotFound();
        }
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return patientRecords.find(actor, query).stream()
                .filter(card -> !card.limited())
                .filter(card -> care.keepsRegistry(actor.userId(), card.patientId()))
                .toList();
    }
}
