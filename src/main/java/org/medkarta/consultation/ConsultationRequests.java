package org.medkarta.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.clinic.ServiceView;
import org.medkarta.conversation.ConversationCalls;
import org.medkarta.conversation.ConversationRooms;
import org.medkarta.conversation.Member;
import org.medkarta.conversation.RoomId;
import org.medkarta.conversation.RoomView;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentBooked;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A consultation request (обращение) from opening to taking into work (SPEC D1, D3, D4, D5; seed
 * 004): a telemedicine booking opens it, a cancellation or a move follows it, its side tells about
 * the case until the protocol is sent, the consulting doctor takes it into work from 15 minutes
 * before the start, which opens its chat and call room.
 *
 * <p>A request is seen by its patient (and whoever may act for the patient now), its consulting
 * doctor and, in a doctor-to-doctor consultation, the referring doctor; anyone else is told it does
 * not exist ({@link NotFound}). Only the consulting doctor takes it into work.
 */
@Service
public class ConsultationRequests {

    private final Requests requests;
    private final ConsultationAccess access;
    private final ConversationRooms conversations;
    private final ConversationCalls conversationCalls;
    private final ClinicCatalogue clinics;
    private final AccountDirectory identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsultationRequests(
            Requests requests,
            ConsultationAccess access,
            ConversationRooms conversations,
            ConversationCalls conversationCalls,
            ClinicCatalogue clinics,
            AccountDirectory identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.access = access;
        this.conversations = conversations;
        this.conversationCalls = conversationCalls;
        this.clinics = clinics;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens the request of a telemedicine booking (video, audio or chat); an in-person booking opens
     * none. Opening twice for one appointment opens one request.
     */
    @Transactional
    public Optional<ConsultationView> open(AppointmentBooked booked) {
        var existing = requests.ofAppointment(booked.appointmentId());
        if (existing.isPresent()) {
            return Optional.of(existing.get().view(clock.instant()));
        }
        var service = clinics.service(new ServiceId(booked.serviceId()));
        if (service.isEmpty() || !service.get().format().remote()) {
            return Optional.empty();
        }
        var doctor = clinics.doctor(booked.doctor()).orElseThrow(NotFound::new);
        var patient = identity.patient(booked.patient()).orElseThrow(NotFound::new);
        ServiceView kind = service.get();
        DoctorView referring = null;
        if (kind.kind() == ServiceKind.DOCTOR_TO_DOCTOR && booked.bookedBy() != null) {
            referring = clinics.profilesOf(booked.bookedBy()).stream()
                    .sorted((a, b) -> Boolean.compare(
                            a.clinicId().equals(doctor.clinicId()), b.clinicId().equals(doctor.clinicId())))
                    .findFirst()
                    .orElse(null);
        }
        UserId referringUser = referring == null ? null : referring.userId();
        String referringName = referring == null ? null : referring.fullName();
        if (kind.kind() == ServiceKind.DOCTOR_TO_DOCTOR && referring == null && booked.bookedBy() != null) {
            // A paramedic of a rural post asking a doctor (seed 004 «врач (фельдшер)-врач»): no doctor
            // profile, so the request names their account.
            var paramedic = identity.account(booked.bookedBy())
                    .filter(account -> account.roles().stream().anyMatch(grant -> grant.role() == Role.PARAMEDIC));
            if (paramedic.isPresent()) {
                referringUser = paramedic.get().userId();
                referringName = FormTexts.fullName(paramedic.get());
            }
        }
        ZoneId zone = clinics.timezone(doctor.clinicId());
        String complaint = booked.complaint();
        boolean doctorToDoctor = referringUser != null;
        var consultation = new Consultation(
                booked.consultationId(),
                booked.appointmentId(),
                kind.kind(),
                Channel.valueOf(kind.format().name()),
                ConsultationState.NEW,
                booked.patient(),
                booked.patientUser() != null ? booked.patientUser() : patient.userId(),
                FormTexts.fullName(patient),
                doctor.id(),
                doctor.userId(),
                doctor.fullName(),
                doctor.clinicId(),
                kind.name(),
                referring == null ? null : referring.id(),
                referringUser,
                referringName,
                booked.start(),
                booked.end(),
                LocalDate.ofInstant(booked.start(), zone),
                zone,
                doctorToDoctor ? complaint : null,
                null,
                doctorToDoctor ? null : complaint,
                clock.instant(),
                null,
                null);
        if (!requests.insert(consultation, booked.serviceId())) {
            // Opened twice at once: the other opening stored it. ON CONFLICT rather than catching the
            // duplicate key, which on PostgreSQL would abort this transaction and the re-read with it.
            return requests.ofAppointment(booked.appointmentId()).map(c -> c.view(clock.instant()));
        }
        events.publishEvent(new ConsultationOpened(
                consultation.id(),
                consultation.appointmentId(),
                consultation.patientId(),
                consultation.doctorId(),
                consultation.clinicId(),
                consultation.referringDoctorId(),
                consultation.kind(),
                consultation.channel(),
                consultation.start(),
                consultation.openedAt()));
        return Optional.of(consultation.view(clock.instant()));
    }

    /** The id of the request a booking opened (in the booking's transaction), if it opened one. */
    @Transactional(readOnly = true)
    public Optional<UUID> requestOf(AppointmentView appointment) {
        return requests.ofAppointment(appointment.id()).map(Consultation::id);
    }

    /** A cancelled appointment takes its request off the desk, unless it was already taken. */
    @Transactional
    public void appointmentCancelled(UUID appointment) {
        requests.cancel(appointment, clock.instant());
    }

    /** A rescheduled appointment moves its request. */
    @Transactional
    public void appointmentMoved(UUID appointment, Instant start, Instant end) {
        requests.ofAppointment(appointment)
                .ifPresent(c -> requests.move(
                        appointment, start, end, LocalDate.ofInstant(start, clinics.timezone(c.clinicId()))));
    }
    /** One request, for its participants only. */
    @Transactional(readOnly = true)
    public ConsultationView consultation(SignedInUser user, UUID id) {
        return access.visible(user, id).view(clock.instant());
    }

    /** The room members of a request the person may see by name: see {@link Consultation#members()}. */
    @Transactional(readOnly = true)
    public List<org.medkarta.shared.UserId> members(SignedInUser user, UUID id) {
        return access.visible(user, id).members();
    }

    /**
     * Whether the person talks in the request's chat and calls: the doctors, and on the patient's
     * side whoever may act for the patient now (not the patient of a doctor-to-doctor one).
     */
    @Transactional(readOnly = true)
    public boolean talksIn(SignedInUser user, UUID id) {
        return access.talks(user, access.visible(user, id));
    }
    /** Whether the person tells about the case now: the page shows the form only to them. */
    @Transactional(readOnly = true)
    public boolean describes(SignedInUser user, UUID id) {
        var consultation = access.visible(user, id);
        return consultation.describableBy(user, access.patientSide(user, consultation));
    }
    /**
     * The named members of the room; in a doctor-patient consultation also the patient's own
     * account, while a representative (whoever booked for the patient included) takes part only as
     * long as they may act for the patient.
     */
    private List<Member> members(Consultation c) {
        if (!c.patientTalks()) {
            return List.of(
                    new Member(c.doctorUserId(), "CONSULTANT", c.doctorName()),
                    new Member(
                            c.referringUserId(),
                            c.referringDoctorId() == null ? "PARAMEDIC" : "DOCTOR",
                            c.referringName()));
        }
        var members = new ArrayList<Member>();
        identity.patient(c.patientId())
                .map(AccountView::userId)
                .ifPresent(own -> members.add(new Member(own, "PATIENT", c.patientName())));
        members.add(new Member(c.doctorUserId(), "DOCTOR", c.doctorName()));
        return members;
    }

    /**
     * The consultation's chat and call room as the person sees it, once it is taken into work; empty
     * for a participant who does not talk in it (the patient of a doctor-to-doctor consultation).
     */
    @Transactional(readOnly = true)
    public Optional<RoomView> room(SignedInUser user, UUID id) {
        var consultation = access.visible(user, id);
        var room = new RoomId(id);
        if (!access.talks(user, consultation) || conversations.room(room).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(conversations.roomFor(room, user.userId()));
        } catch (NotFound notTakingPart) {
            return Optional.empty();
        }
    }

    /** The calls of the consultation with start, end and duration (SPEC D5), for its participants. */
    @Transactional(readOnly = true)
    public List<org.medkarta.conversation.CallView> calls(SignedInUser user, UUID id) {
        access.visible(user, id);
        return conversationCalls.calls(new RoomId(id));
    }
    /**
     * The patient (or, doctor-to-doctor, the referring doctor) tells about the case until the
     * protocol is sent.
     */
    @Transactional
    public ConsultationView describe(SignedInUser user, UUID id, RequestForm form) {
        var consultation = access.visible(user, id);
        if (!consultation.describableBy(user, access.patientSide(user, consultation))) {
            throw consultation.state() == ConsultationState.CLOSED
                    ? ConsultationRefusal.protocolSent()
                    : ConsultationRefusal.notTheDoctor();
        }
        var errors = new ArrayList<InvalidInput.FieldError>();
        var clean = new RequestForm(
                FormTexts.text(form.question(), "question", FormTexts.TEXT_LIMIT, errors),
                FormTexts.text(form.anamnesis(), "anamnesis", FormTexts.TEXT_LIMIT, errors),
                FormTexts.text(form.complaints(), "complaints", FormTexts.TEXT_LIMIT, errors));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        requests.describe(id, clean);
        return requests.find(id).orElseThrow().view(clock.instant());
    }

    /**
     * Takes the request into work: the consulting doctor only, from 15 minutes before the start
     * (seed 004); an overdue one can still be taken.
     *
     * @throws ConsultationRefusal {@code too-early}, {@code consultation-not-new}, {@code
     *     not-the-consulting-doctor}
     */
    @Transactional
    public ConsultationView take(SignedInUser user, UUID id) {
        var consultation = access.visible(user, id);
        Instant now = clock.instant();
        var taken = consultation.take(user, now);
        if (!requests.change(id, ConsultationState.NEW, ConsultationState.IN_WORK, "taken_at", now)) {
            throw ConsultationRefusal.notNew();
        }
        // «После того, как обращение взято в работу, у вас открывается… "Видеозвонок", "Аудиозвонок",
        // а также функция общения в "Чате"» (seed 004): the room opens under the consultation's id.
        conversations.open(
                new RoomId(id),
                consultation.serviceName() + " — " + consultation.patientName(),
                consultation.patientTalks() ? consultation.patientId() : null,
                members(consultation));
        events.publishEvent(taken);
        return requests.find(id).orElseThrow().view(now);
    }
}
