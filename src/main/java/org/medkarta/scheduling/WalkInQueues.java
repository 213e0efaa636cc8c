package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.HeadsOfDepartment;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.PatientCard;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignIn;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicCare;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Representation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The walk-in electronic queue, «Дежурный врач» (SPEC C9, seed 002): a clinic opens a queue per
 * specialty or room and day with the doctors on duty; a patient who needs a doctor today takes a
 * numbered ticket at the kiosk, on their phone or at the registry desk and waits in the waiting
 * area; a doctor calls the next one, marks a patient who did not come, and finishes the visit; the
 * waiting-room board shows the numbers called and their rooms; the head of department watches each
 * doctor's load.
 *
 * <p>State lives in the database only, so a restart loses and skips nothing. The queue's row is
 * locked while a ticket is numbered and while the next one is called, so a ticket is called exactly
 * once however many doctors press "next" on however many nodes, and numbers never repeat.
 *
 * <p>Anyone asking about a queue or a ticket that is not theirs to see gets {@link NotFound}.
 */
@Service
public class WalkInQueues {

    /** Minutes per patient assumed before the clinic has served anyone from a walk-in queue of the specialty. */
    static final int DEFAULT_SERVICE_MINUTES = 15;

    /** How many of the latest visits the estimate is averaged over. */
    static final int RECENT_VISITS = 20;

    private static final int BOARD_LINES = 8;
    private static final int NEAR = 3;

    private final WalkIns walkIns;
    private final WalkInNotices notices;
    private final WalkInBroadcasts broadcasts;
    private final ClinicCatalogue clinics;
    private final ClinicAdministrators clinicAdministrators;
    private final SignIn identity;
    private final AccountDirectory accountDirectory;
    private final PatientRecords patientRecords;
    private final ClinicCare care;
    private final Representation representation;
    private final TransactionTemplate transaction;
    private final Clock clock;

    private final HeadsOfDepartment heads;

    WalkInQueues(
            WalkIns walkIns,
            WalkInNotices notices,
            WalkInBroadcasts broadcasts,
            ClinicCatalogue clinics,
            ClinicAdministrators clinicAdministrators,
            HeadsOfDepartment heads,
            SignIn identity,
            AccountDirectory accountDirectory,
            PatientRecords patientRecords,
            ClinicCare care,
            Representation representation,
            TransactionTemplate transaction,
            Clock clock) {
        this.heads = heads;
        this.walkIns = walkIns;
        this.notices = notices;
        this.broadcasts = broadcasts;
        this.clinics = clinics;
        this.clinicAdministrators = clinicAdministrators;
        this.identity = identity;
        this.accountDirectory = accountDirectory;
        this.patientRecords = patientRecords;
        this.care = care;
        this.representation = representation;
        this.transaction = transaction;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- who may do what

    /**
     * Whether the person watches the load of the clinic's walk-in queues live (seed 002: «главному
     * врачу и заведующим отделений … отслеживать загрузку врачей»). The one place that says who: an
     * administrator of the clinic, or a head of department of it, now.
     */
    @Transactional(readOnly = true)
    public boolean mayWatch(SignedInUser actor, ClinicId clinic) {
        return actor != null && (clinicAdministrators.administers(actor, clinic) || heads.heads(actor, clinic));
    }

    /** Whether the person opens walk-in queues at the clinic: its administrator. */
    @Transactional(readOnly = true)
    public boolean opensQueues(SignedInUser actor, ClinicId clinic) {
        return actor != null && clinicAdministrators.administers(actor, clinic);
    }

    /** Whether the person takes tickets for patients at the registry desk of some clinic. */
    @Transactional(readOnly = true)
    public boolean keepsDesk(SignedInUser actor) {
        return !deskClinics(actor).isEmpty();
    }

    // ---------------------------------------------------------------- queues

    /**
     * Opens a walk-in queue at the clinic for a day, today or later in the clinic's zone, with its
     * doctors on duty (active doctors of the clinic), each receiving in the queue's room.
     *
     * @throws NotFound for anyone but an administrator of the clinic
     * @throws InvalidInput naming every wrong field
     */
    @Transactional
    public WalkInQueueView open(SignedInUser actor, ClinicId clinic, WalkInQueueForm form) {
        if (!opensQueues(actor, clinic)) {
            throw new NotFound();
        }
        var errors = new ArrayList<InvalidInput.FieldError>();
        String name = text(form.name(), "name", 200, errors);
        String room = text(form.room(), "room", 40, errors);
        String specialty = form.specialty() == null ? "" : form.specialty().strip();
        if (clinics.specialties().stream().noneMatch(s -> s.code().equals(specialty))) {
            errors.add(new InvalidInput.FieldError("specialty", "scheduling.walk-in.validation.specialty"));
        }
        ZoneId zone = clinics.timezone(clinic);
        LocalDate day = null;
        try {
            day = LocalDate.parse(form.day() == null ? "" : form.day().strip());
            if (day.isBefore(LocalDate.ofInstant(clock.instant(), zone))) {
                errors.add(new InvalidInput.FieldError("day", "scheduling.walk-in.validation.day-past"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError("day", "scheduling.validation.date"));
        }
        LocalTime opens = time(form.opensAt(), "opensAt", errors);
        LocalTime closes = time(form.closesAt(), "closesAt", errors);
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            errors.add(new InvalidInput.FieldError("closesAt", "scheduling.walk-in.validation.hours"));
        }
        var doctors = new LinkedHashSet<DoctorView>();
        if (form.doctorIds() == null || form.doctorIds().stream().allMatch(id -> id == null || id.isBlank())) {
            errors.add(new InvalidInput.FieldError("doctorIds", "scheduling.walk-in.validation.doctors"));
        } else {
            for (String id : form.doctorIds()) {
                if (id == null || id.isBlank()) {
                    continue;
                }
                var found = clinics.activeDoctorNamed(id.strip())
                        .filter(doctor -> doctor.clinicId().equals(clinic));
                if (found.isEmpty()) {
                    errors.add(new InvalidInput.FieldError("doctorIds", "scheduling.walk-in.validation.doctor"));
                    break;
                }
                doctors.add(found.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var queue = new WalkIns.Queue(UUID.randomUUID(), clinic, name, specialty, room, day, opens, closes);
        walkIns.insert(queue, actor.userId().value(), clock.instant());
        doctors.forEach(doctor -> walkIns.insert(new WalkIns.Duty(queue.id(), doctor.id(), room)));
        return view(queue);
    }

    /** The clinic's walk-in queues of a day (today in its zone when null): public, as the clinic's catalogue. */
    @Transactional(readOnly = true)
    public List<WalkInQueueView> queues(ClinicId clinic, LocalDate day) {
        ZoneId zone = clinics.timezone(clinic);
        LocalDate on = day == null ? LocalDate.ofInstant(clock.instant(), zone) : day;
        return walkIns.queuesOf(clinic, on).stream().map(this::view).toList();
    }

    /** The walk-in queues of every clinic open today in the clinic's zone and not closed yet. */
    @Transactional(readOnly = true)
    public List<WalkInQueueView> openToday() {
        LocalDate utc = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        return walkIns.queuesOn(utc.minusDays(1), utc.plusDays(1), 200).stream()
                .filter(this::takesTickets)
                .map(this::view)
                .toList();
    }

    /** One queue, as anyone may read it. */
    @Transactional(readOnly = true)
    public WalkInQueueView queue(UUID id) {
        return walkIns.queue(id).map(this::view).orElseThrow(NotFound::new);
    }

    // ---------------------------------------------------------------- tickets

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
        } else if (deskClinics(actor).contains(queue.clinicId()) && care.keepsRegistry(actor.userId(), whom)) {
            channel = WalkInChannel.DESK;
        } else if (representation.mayActFor(actor.userId(), whom)) {
            channel = WalkInChannel.PHONE;
        } else {
            throw new NotFound();
        }
        var ticket =
                issue(queue.id(), whom, channel, actor.userId().value(), channel == WalkInChannel.DESK && privileged);
        return view(ticket, queue, channel == WalkInChannel.DESK);
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
            return view(
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
        return view(issue(queue.id(), matching.get(0), WalkInChannel.KIOSK, null, false), queue, false);
    }

    private WalkIns.Ticket issue(
            UUID queueId, PatientId patient, WalkInChannel channel, UUID takenBy, boolean privileged) {
        // The queue's row lock numbers tickets one at a time on every node (issue 19).
        var queue = walkIns.lock(queueId).orElseThrow(NotFound::new);
        if (!takesTickets(queue)) {
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
        broadcasts.board(board(queue));
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
            return view(ticket, queue, false);
        }
        if (onDuty(actor, queue).isPresent() || deskClinics(actor).contains(queue.clinicId())) {
            return view(ticket, queue, true);
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
                .map(t -> view(
                        t,
                        queues.computeIfAbsent(
                                t.queueId(), q -> walkIns.queue(q).orElseThrow()),
                        false))
                .toList();
    }

    // ---------------------------------------------------------------- the doctor's desk

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
        var duty = onDuty(actor, unlocked).orElseThrow(NotFound::new);
        // Held to commit: a second doctor pressing "next" at the same instant, on any node, waits
        // here and then sees this ticket called (issue 19).
        var queue = walkIns.lock(queueId).orElseThrow(NotFound::new);
        if (!queue.day().equals(today(queue))) {
            throw SchedulingRefusal.walkInClosed();
        }
        var current = walkIns.calledBy(queue.id(), duty.doctorId());
        if (current.isPresent()) {
            throw SchedulingRefusal.walkInPatientWithDoctor(label(current.get().number()));
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
        notices.called(ticket, label(ticket.number()), duty.room());
        for (var near : walkIns.waiting(queue.id(), NEAR)) {
            if (walkIns.claimNearNotice(near.id())) {
                notices.near(near, label(near.number()));
            }
        }
        broadcasts.board(board(queue));
        return Optional.of(view(walkIns.ticket(ticket.id()).orElseThrow(), queue, true));
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
        var duty = onDuty(actor, queue).orElseThrow(NotFound::new);
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
        broadcasts.board(board(queue));
        return view(walkIns.ticket(ticket.id()).orElseThrow(), queue, true);
    }

    /** The queues the doctor is on duty in today, each with whom they have now. */
    @Transactional(readOnly = true)
    public List<WalkInDesk> desk(SignedInUser actor) {
        var profiles = profiles(actor);
        if (profiles.isEmpty()) {
            return List.of();
        }
        LocalDate utc = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        var found = new ArrayList<WalkInDesk>();
        for (var queue : walkIns.dutiesOf(profiles, utc.minusDays(1), utc.plusDays(1))) {
            if (!queue.day().equals(today(queue))) {
                continue;
            }
            var duty = onDuty(actor, queue).orElseThrow();
            var current = walkIns.calledBy(queue.id(), duty.doctorId())
                    .map(ticket -> view(ticket, queue, true))
                    .orElse(null);
            found.add(new WalkInDesk(view(queue), duty.room(), current, walkIns.waitingCount(queue.id())));
        }
        return found;
    }

    /** Whether one of the doctor's profiles called the patient from a walk-in queue: a care relationship (SPEC F4). */
    @Transactional(readOnly = true)
    public boolean saw(Collection<DoctorId> doctors, PatientId patient) {
        return walkIns.saw(doctors, patient);
    }

    // ---------------------------------------------------------------- the board

    /** What the waiting-room screen shows; anyone may read it. */
    @Transactional(readOnly = true)
    public WalkInBoard board(UUID queueId) {
        return board(walkIns.queue(queueId).orElseThrow(NotFound::new));
    }

    private WalkInBoard board(WalkIns.Queue queue) {
        var lines = walkIns.called(queue.id(), BOARD_LINES).stream()
                .map(ticket -> new WalkInBoard.Line(label(ticket.number()), ticket.room()))
                .toList();
        return new WalkInBoard(queue.id(), queue.name(), queue.room(), lines, walkIns.waitingCount(queue.id()));
    }

    // ---------------------------------------------------------------- the registry desk

    /** The clinics at whose registry desk the person takes tickets: as a registrar, or as an administrator. */
    @Transactional(readOnly = true)
    public List<ClinicId> deskClinics(SignedInUser actor) {
        if (actor == null) {
            return List.of();
        }
        var found = new LinkedHashSet<ClinicId>();
        accountDirectory.account(actor.userId()).ifPresent(account -> {
            account.roles().stream()
                    .filter(grant -> grant.role() == Role.REGISTRAR && grant.clinic() != null)
                    .map(RoleGrant::clinic)
                    .forEach(found::add);
            if (account.roles().stream().anyMatch(grant -> grant.role() == Role.CLINIC_ADMIN)
                    && actor.has(Role.CLINIC_ADMIN)) {
                clinicAdministrators.administered(actor).forEach(clinic -> found.add(clinic.id()));
            }
        });
        return List.copyOf(found);
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

    // ---------------------------------------------------------------- settings and load

    /** The clinic's priorities; its administrators only. */
    @Transactional(readOnly = true)
    public WalkInSettings settings(SignedInUser actor, ClinicId clinic) {
        if (!opensQueues(actor, clinic)) {
            throw new NotFound();
        }
        return walkIns.settings(clinic);
    }

    /** Sets which patients go first in the clinic's queues, for tickets taken from now on. */
    @Transactional
    public WalkInSettings choose(SignedInUser actor, ClinicId clinic, WalkInSettings settings) {
        if (!opensQueues(actor, clinic)) {
            throw new NotFound();
        }
        walkIns.choose(clinic, settings);
        return settings;
    }

    /**
     * Each doctor's load in the clinic's walk-in queues today: how many wait, whom they have now,
     * served, not come, mean and longest wait.
     *
     * @throws NotFound for anyone who may not {@link #mayWatch watch} the clinic
     */
    @Transactional(readOnly = true)
    public List<WalkInLoad> load(SignedInUser actor, ClinicId clinic) {
        if (!mayWatch(actor, clinic)) {
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
                        .map(ticket -> label(ticket.number()))
                        .orElse(null);
                found.add(new WalkInLoad(
                        queue.id(),
                        queue.name(),
                        duty.doctorId(),
                        doctorName(duty.doctorId()),
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
     * @throws NotFound for anyone who may not {@link #mayWatch watch} the clinic
     */
    @Transactional(readOnly = true)
    public List<WalkInWaits> waits(SignedInUser actor, ClinicId clinic, LocalDate from, LocalDate to) {
        if (!mayWatch(actor, clinic)) {
            throw new NotFound();
        }
        return walkIns.waits(clinic, from, to);
    }

    // ---------------------------------------------------------------- helpers

    /** The number as the board and the ticket read it: Т-015. */
    static String label(int number) {
        return "Т-" + String.format(Locale.ROOT, "%03d", number);
    }

    private boolean takesTickets(WalkIns.Queue queue) {
        ZoneId zone = clinics.timezone(queue.clinicId());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
        return now.toLocalDate().equals(queue.day()) && now.toLocalTime().isBefore(queue.closesAt());
    }

    private LocalDate today(WalkIns.Queue queue) {
        return LocalDate.ofInstant(clock.instant(), clinics.timezone(queue.clinicId()));
    }

    private Set<DoctorId> profiles(SignedInUser actor) {
        if (actor == null || !actor.has(Role.DOCTOR)) {
            return Set.of();
        }
        return clinics.profilesOf(actor.userId()).stream()
                .filter(DoctorView::active)
                .map(DoctorView::id)
                .collect(Collectors.toSet());
    }

    private Optional<WalkIns.Duty> onDuty(SignedInUser actor, WalkIns.Queue queue) {
        var mine = profiles(actor);
        return walkIns.duties(queue.id()).stream()
                .filter(duty -> mine.contains(duty.doctorId()))
                .findFirst();
    }

    private String doctorName(DoctorId doctor) {
        return clinics.doctor(doctor).map(DoctorView::fullName).orElse("");
    }

    private WalkInQueueView view(WalkIns.Queue queue) {
        var duties = walkIns.duties(queue.id()).stream()
                .map(duty -> new WalkInDuty(duty.doctorId(), doctorName(duty.doctorId()), duty.room()))
                .toList();
        String clinicName = clinics.card(queue.clinicId()).name();
        return new WalkInQueueView(
                queue.id(),
                queue.clinicId(),
                clinicName,
                queue.name(),
                queue.specialty(),
                queue.room(),
                queue.day(),
                queue.opensAt(),
                queue.closesAt(),
                duties,
                walkIns.waitingCount(queue.id()));
    }

    private WalkInTicket view(WalkIns.Ticket ticket, WalkIns.Queue queue, boolean withName) {
        int position = ticket.status() == WalkInTicketStatus.WAITING ? walkIns.position(ticket) : 0;
        int estimate = 0;
        if (position > 0) {
            double minutes = walkIns.recentServiceSeconds(queue.clinicId(), queue.specialty(), RECENT_VISITS)
                    .map(seconds -> seconds / 60)
                    .orElse((double) DEFAULT_SERVICE_MINUTES);
            int doctors = Math.max(1, walkIns.duties(queue.id()).size());
            estimate = (int) Math.ceil(position * minutes / doctors);
        }
        String name = withName
                ? patientRecords
                        .find(ticket.patientId())
                        .map(PatientCard::fullName)
                        .orElse(null)
                : null;
        return new WalkInTicket(
                ticket.id(),
                queue.id(),
                queue.name(),
                label(ticket.number()),
                position,
                estimate,
                ticket.status(),
                ticket.channel(),
                ticket.patientId(),
                name,
                ticket.doctorId(),
                ticket.room(),
                ticket.takenAt(),
                ticket.calledAt(),
                ticket.finishedAt());
    }

    private static String text(String value, String field, int limit, List<InvalidInput.FieldError> errors) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            errors.add(new InvalidInput.FieldError(field, "validation.required"));
            return null;
        }
        if (clean.length() > limit) {
            errors.add(new InvalidInput.FieldError(field, "scheduling.walk-in.validation.length", List.of(limit)));
            return null;
        }
        return clean;
    }

    private static LocalTime time(String value, String field, List<InvalidInput.FieldError> errors) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError(field, "scheduling.walk-in.validation.time"));
            return null;
        }
    }
}
