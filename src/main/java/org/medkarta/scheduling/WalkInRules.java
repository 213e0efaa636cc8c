package org.medkarta.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.HeadsOfDepartment;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.PatientCard;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.springframework.stereotype.Component;

/**
 * What every walk-in facade asks (SPEC C9): who watches, opens and keeps the desk of a clinic's
 * queues, who is on duty in a queue, whether a queue takes tickets now, and a queue, a ticket and the
 * board as they are shown. Not transactional of its own: each runs in the transaction of the facade
 * asking.
 */
@Component
class WalkInRules {

    /** Minutes per patient assumed before the clinic has served anyone from a walk-in queue of the specialty. */
    static final int DEFAULT_SERVICE_MINUTES = 15;

    /** How many of the latest visits the estimate is averaged over. */
    static final int RECENT_VISITS = 20;

    private static final int BOARD_LINES = 8;

    private final WalkIns walkIns;
    private final ClinicCatalogue clinics;
    private final ClinicAdministrators clinicAdministrators;
    private final HeadsOfDepartment heads;
    private final AccountDirectory identity;
    private final PatientRecords patientRecords;
    private final Clock clock;

    WalkInRules(
            WalkIns walkIns,
            ClinicCatalogue clinics,
            ClinicAdministrators clinicAdministrators,
            HeadsOfDepartment heads,
            AccountDirectory identity,
            PatientRecords patientRecords,
            Clock clock) {
        this.walkIns = walkIns;
        this.clinics = clinics;
        this.clinicAdministrators = clinicAdministrators;
        this.heads = heads;
        this.identity = identity;
        this.patientRecords = patientRecords;
        this.clock = clock;
    }

    /**
     * Whether the person watches the load of the clinic's walk-in queues live (seed 002: «главному
     * врачу и заведующим отделений … отслеживать загрузку врачей»). The one place that says who: an
     * administrator of the clinic, or a head of department of it, now.
     */
    boolean mayWatch(SignedInUser actor, ClinicId clinic) {
        return actor != null && (clinicAdministrators.administers(actor, clinic) || heads.heads(actor, clinic));
    }

    /** Whether the person opens walk-in queues at the clinic: its administrator. */
    boolean opensQueues(SignedInUser actor, ClinicId clinic) {
        return actor != null && clinicAdministrators.administers(actor, clinic);
    }

    /** The clinics at whose registry desk the person takes tickets: as a registrar, or as an administrator. */
    List<ClinicId> deskClinics(SignedInUser actor) {
        if (actor == null) {
            return List.of();
        }
        var found = new LinkedHashSet<ClinicId>();
        identity.account(actor.userId()).ifPresent(account -> {
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

    /** The queue's board: the latest numbers called with their rooms, and how many wait. */
    WalkInBoard board(WalkIns.Queue queue) {
        var lines = walkIns.called(queue.id(), BOARD_LINES).stream()
                .map(ticket -> new WalkInBoard.Line(label(ticket.number()), ticket.room()))
                .toList();
        return new WalkInBoard(queue.id(), queue.name(), queue.room(), lines, walkIns.waitingCount(queue.id()));
    }

    /** The number as the board and the ticket read it: Т-015. */
    static String label(int number) {
        return "Т-" + String.format(Locale.ROOT, "%03d", number);
    }

    boolean takesTickets(WalkIns.Queue queue) {
        ZoneId zone = clinics.timezone(queue.clinicId());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
        return now.toLocalDate().equals(queue.day()) && now.toLocalTime().isBefore(queue.closesAt());
    }

    LocalDate today(WalkIns.Queue queue) {
        return LocalDate.ofInstant(clock.instant(), clinics.timezone(queue.clinicId()));
    }

    Set<DoctorId> profiles(SignedInUser actor) {
        if (actor == null || !actor.has(Role.DOCTOR)) {
            return Set.of();
        }
        return clinics.profilesOf(actor.userId()).stream()
                .filter(DoctorView::active)
                .map(DoctorView::id)
                .collect(Collectors.toSet());
    }

    Optional<WalkIns.Duty> onDuty(SignedInUser actor, WalkIns.Queue queue) {
        var mine = profiles(actor);
        return walkIns.duties(queue.id()).stream()
                .filter(duty -> mine.contains(duty.doctorId()))
                .findFirst();
    }

    String doctorName(DoctorId doctor) {
        return clinics.doctor(doctor).map(DoctorView::fullName).orElse("");
    }

    WalkInQueueView view(WalkIns.Queue queue) {
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

    WalkInTicket view(WalkIns.Ticket ticket, WalkIns.Queue queue, boolean withName) {
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
}
