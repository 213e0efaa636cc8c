package org.medkarta.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medkarta.clinic.ClinicDirectory;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ProtocolSigningPolicies;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.clinic.ServiceView;
import org.medkarta.conversation.Conversations;
import org.medkarta.conversation.Member;
import org.medkarta.conversation.RoomId;
import org.medkarta.conversation.RoomView;
import org.medkarta.files.FileContent;
import org.medkarta.files.FileId;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.ClinicRoles;
import org.medkarta.identity.Identity;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentBooked;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.OfferedSlot;
import org.medkarta.scheduling.Scheduling;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Representation;
import org.medkarta.shared.UserId;
import org.medkarta.terminology.Terminology;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consultation module's whole API (SPEC D1–D3, D7, D8, D10, D11; seed 004).
 *
 * <p>A request is seen by its patient (and the account that booked for them), its consulting doctor
 * and, in a doctor-to-doctor consultation, the referring doctor; anyone else is told it does not
 * exist ({@link NotFound}). Only the consulting doctor takes it into work, writes the protocol and
 * routes the patient.
 */
@Service
public class Consultations {

    /** How many requests one desk tab lists. */
    static final int DESK_LIMIT = 200;

    /** What an open-ended referral is stored as in scheduling, which needs a date (SPEC D10). */
    static final Instant OPEN_ENDED = Instant.parse("9999-12-31T00:00:00Z");

    private static final int TEXT_LIMIT = 4000;

    private final Requests requests;
    private final Protocols protocols;
    private final ProtocolContent content;
    private final ProtocolSending sending;
    private final ProtocolSignatures signatures;
    private final ProtocolSigningPolicies signingPolicies;
    private final RoutedReferrals referrals;
    private final ConsultationFiles attachments;
    private final Conversations conversations;
    private final Files files;
    private final ClinicDirectory clinics;
    private final Identity identity;
    private final ClinicRoles clinicRoles;
    private final Scheduling scheduling;
    private final Terminology terminology;
    private final Representation representation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Consultations(
            Requests requests,
            Protocols protocols,
            ProtocolContent content,
            ProtocolSending sending,
            ProtocolSignatures signatures,
            ProtocolSigningPolicies signingPolicies,
            RoutedReferrals referrals,
            ConsultationFiles attachments,
            Conversations conversations,
            Files files,
            ClinicDirectory clinics,
            Identity identity,
            ClinicRoles clinicRoles,
            Scheduling scheduling,
            Terminology terminology,
            Representation representation,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.protocols = protocols;
        this.content = content;
        this.sending = sending;
        this.signatures = signatures;
        this.signingPolicies = signingPolicies;
        this.referrals = referrals;
        this.attachments = attachments;
        this.conversations = conversations;
        this.files = files;
        this.clinics = clinics;
        this.identity = identity;
        this.clinicRoles = clinicRoles;
        this.scheduling = scheduling;
        this.terminology = terminology;
        this.representation = representation;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- opening (D1)

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
                referringName = fullName(paramedic.get());
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
                fullName(patient),
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

    // ---------------------------------------------------------------- the desk (D2)

    /** The person's requests in one desk state: a doctor's desk, a patient's own, or both for a doctor-patient. */
    @Transactional(readOnly = true)
    public List<ConsultationView> desk(SignedInUser user, ConsultationState state, DeskFilter filter) {
        Instant now = clock.instant();
        return requests
                .desk(user, represented(user), state, filter == null ? DeskFilter.NONE : filter, now, DESK_LIMIT)
                .stream()
                .map(c -> c.view(now))
                .toList();
    }

    /** How many requests the person has in each desk state, under the same filters. */
    @Transactional(readOnly = true)
    public Map<ConsultationState, Integer> counts(SignedInUser user, DeskFilter filter) {
        return requests.counts(user, represented(user), filter == null ? DeskFilter.NONE : filter, clock.instant());
    }

    /** The patients besides their own whose requests the person sees on the patient's side of the desk. */
    private List<PatientId> represented(SignedInUser user) {
        return user == null
                ? List.of()
                : representation.representedBy(user.userId()).stream()
                        .map(Representation.Represented::patientId)
                        .toList();
    }

    /** One request, for its participants only. */
    @Transactional(readOnly = true)
    public ConsultationView consultation(SignedInUser user, UUID id) {
        return visible(user, id).view(clock.instant());
    }

    /** The room members of a request the person may see by name: see {@link Consultation#members()}. */
    @Transactional(readOnly = true)
    public List<org.medkarta.shared.UserId> members(SignedInUser user, UUID id) {
        return visible(user, id).members();
    }

    /**
     * Whether the person talks in the request's chat and calls: the doctors, and on the patient's
     * side whoever may act for the patient now (not the patient of a doctor-to-doctor one).
     */
    @Transactional(readOnly = true)
    public boolean talksIn(SignedInUser user, UUID id) {
        return talks(user, visible(user, id));
    }

    /**
     * Whether the ICD-10 dictionary is still empty (never imported), so the protocol form says that
     * no diagnosis can be found and how the dictionary is loaded instead of finding nothing silently.
     */
    public boolean diagnosisDictionaryEmpty() {
        return terminology.icd10Size() == 0;
    }

    /** Whether the person tells about the case now: the page shows the form only to them. */
    @Transactional(readOnly = true)
    public boolean describes(SignedInUser user, UUID id) {
        var consultation = visible(user, id);
        return consultation.describableBy(user, patientSide(user, consultation));
    }

    private boolean talks(SignedInUser user, Consultation c) {
        return c.members().contains(user.userId()) || (c.patientTalks() && patientSide(user, c));
    }

    /**
     * Who may see it at all: its doctors, the patient, and whoever may act for the patient right
     * now (a parent of a child under 15, a grantee with full control; SPEC D4, F1, F3), as the
     * access module decides and audits. Anyone else is told it does not exist.
     */
    Consultation visible(SignedInUser user, UUID id) {
        if (id == null || user == null) {
            throw new NotFound();
        }
        return requests.find(id)
                .filter(c -> c.consultedBy(user) || c.referredBy(user) || patientSide(user, c))
                .orElseThrow(NotFound::new);
    }

    private boolean patientSide(SignedInUser user, Consultation c) {
        if (c.ownedBy(user)) {
            return true;
        }
        return user != null
                && !c.consultedBy(user)
                && !c.referredBy(user)
                && representation.mayActFor(user.userId(), c.patientId());
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
        var consultation = visible(user, id);
        var room = new RoomId(id);
        if (!talks(user, consultation) || conversations.room(room).isEmpty()) {
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
        visible(user, id);
        return conversations.calls(new RoomId(id));
    }

    // ---------------------------------------------------------------- files (D1, D7)

    /** A file as it came in a form or a request. */
    public record Upload(String name, byte[] content) {}

    /**
     * Attaches a file to the request: the results of examinations (seed 004: «Пациент также, как и
     * вы, может добавить файлы к обращению»), by the request's side or the consulting doctor, until
     * the protocol is sent. PDF, DOC/DOCX, XLS/XLSX, TXT, JPG, PNG, type told from the content.
     *
     * @throws InvalidInput naming {@code file}
     */
    @Transactional
    public AttachmentView attach(SignedInUser user, UUID id, Upload upload) {
        var consultation = visible(user, id);
        if (!consultation.describableBy(user, patientSide(user, consultation)) && !consultation.consultedBy(user)) {
            throw consultation.state() == ConsultationState.CLOSED
                    ? ConsultationRefusal.protocolSent()
                    : ConsultationRefusal.notTheDoctor();
        }
        if (consultation.state() == ConsultationState.CLOSED || consultation.state() == ConsultationState.CANCELLED) {
            throw ConsultationRefusal.protocolSent();
        }
        var stored = files.store(FilePurpose.CHAT, user.userId(), "file", upload.name(), upload.content());
        attachments.add(id, "REQUEST", stored);
        return attachments.find(id, stored.id().value()).orElseThrow();
    }

    /** The request's and the protocol's files. */
    @Transactional(readOnly = true)
    public List<AttachmentView> attachments(SignedInUser user, UUID id) {
        visible(user, id);
        return attachments.of(id);
    }

    /** One of the consultation's files with its bytes, checked against its checksum. */
    @Transactional(readOnly = true)
    public FileContent file(SignedInUser user, UUID id, UUID file) {
        visible(user, id);
        attachments.find(id, file).orElseThrow(NotFound::new);
        return files.open(new FileId(file));
    }

    // ---------------------------------------------------------------- the request (D1)

    /**
     * The patient (or, doctor-to-doctor, the referring doctor) tells about the case until the
     * protocol is sent.
     */
    @Transactional
    public ConsultationView describe(SignedInUser user, UUID id, RequestForm form) {
        var consultation = visible(user, id);
        if (!consultation.describableBy(user, patientSide(user, consultation))) {
            throw consultation.state() == ConsultationState.CLOSED
                    ? ConsultationRefusal.protocolSent()
                    : ConsultationRefusal.notTheDoctor();
        }
        var errors = new ArrayList<InvalidInput.FieldError>();
        var clean = new RequestForm(
                text(form.question(), "question", TEXT_LIMIT, errors),
                text(form.anamnesis(), "anamnesis", TEXT_LIMIT, errors),
                text(form.complaints(), "complaints", TEXT_LIMIT, errors));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        requests.describe(id, clean);
        return requests.find(id).orElseThrow().view(clock.instant());
    }

    // ---------------------------------------------------------------- take into work (D3)

    /**
     * Takes the request into work: the consulting doctor only, from 15 minutes before the start
     * (seed 004); an overdue one can still be taken.
     *
     * @throws ConsultationRefusal {@code too-early}, {@code consultation-not-new}, {@code
     *     not-the-consulting-doctor}
     */
    @Transactional
    public ConsultationView take(SignedInUser user, UUID id) {
        var consultation = visible(user, id);
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

    // ---------------------------------------------------------------- the protocol (D7, D8)

    /**
     * Sends the protocol, which closes the consultation; afterwards it never changes (addenda only).
     * A primary doctor-patient consultation records no diagnosis (SPEC D7, seed 004).
     *
     * @throws InvalidInput naming the field: {@code recommendations} missing, {@code diagnoses} in a
     *     primary consultation or with an unknown code, texts too long
     * @throws ConsultationRefusal {@code consultation-not-in-work}, {@code protocol-already-sent}
     */
    @Transactional
    public ProtocolView sendProtocol(SignedInUser user, UUID id, ProtocolForm form) {
        return sendProtocol(user, id, form, List.of());
    }

    /**
     * Sends the protocol with its files (PDF, DOC/DOCX, XLS/XLSX up to the files module's limit,
     * the type told from the content; seed 004: «можно также добавить файлы в формате PDF, DOC,
     * XLSX»); a wrong file refuses the whole protocol naming {@code files}.
     */
    @Transactional
    public ProtocolView sendProtocol(SignedInUser user, UUID id, ProtocolForm form, List<Upload> uploads) {
        var consultation = visible(user, id);
        consultation.checkProtocol(user);
        if (signingPolicies.of(consultation.clinicId()).signatureRequired()) {
            // «Протоколы подписываются электронной подписью обязательно» (issue 16): sent only signed.
            throw ConsultationRefusal.signatureRequired();
        }
        var checked = content.check(consultation, form, uploads);
        return sending.send(user, consultation, checked, uploads, List.of(), null);
    }

    /** The sent protocol, if there is one yet. */
    @Transactional(readOnly = true)
    public Optional<ProtocolView> protocol(SignedInUser user, UUID id) {
        visible(user, id);
        return protocols.find(id);
    }

    /**
     * Adds to a sent protocol, which itself never changes (SPEC D7).
     *
     * @throws ConsultationRefusal {@code consultation-not-closed} before the protocol is sent
     */
    @Transactional
    public ProtocolView addAddendum(SignedInUser user, UUID id, String text) {
        var consultation = visible(user, id);
        if (!consultation.consultedBy(user)) {
            throw ConsultationRefusal.notTheDoctor();
        }
        if (consultation.state() != ConsultationState.CLOSED) {
            throw ConsultationRefusal.notClosed();
        }
        var errors = new ArrayList<InvalidInput.FieldError>();
        String clean = text(text, "text", TEXT_LIMIT, errors);
        if (clean == null && errors.isEmpty()) {
            errors.add(new InvalidInput.FieldError("text", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        protocols.addendum(id, clean, user.userId(), clock.instant());
        return protocols.find(id).orElseThrow();
    }

    /**
     * The protocol as a PDF with Cyrillic text: clinic, doctor, patient, date, content, diagnoses
     * with codes, addenda (SPEC D8).
     *
     * @throws ConsultationRefusal {@code consultation-not-closed} before the protocol is sent
     */
    @Transactional(readOnly = true)
    public byte[] protocolPdf(SignedInUser user, UUID id) {
        var consultation = visible(user, id);
        var protocol = protocols.find(id).orElseThrow(ConsultationRefusal::notClosed);
        var signed = signatures.find(id);
        if (signed.isPresent()) {
            // The signature covers these exact bytes: a signed protocol is never rendered again.
            return files.open(new FileId(signed.get().pdfFileId())).content();
        }
        var clinic = clinics.card(consultation.clinicId());
        return ProtocolPdf.render(
                consultation.view(clock.instant()),
                protocol,
                clinic.name(),
                clinic.address(),
                clinics.timezone(consultation.clinicId()));
    }

    // ---------------------------------------------------------------- routing (D10)

    /**
     * Issues a referral from an open or closed consultation (seed 004, «Создание направления»): to a
     * specialty or a named doctor, until a date or without end, with a presumed diagnosis and a
     * reason. It appears in the patient's account and opens referral-only services to them.
     */
    @Transactional
    public ReferralView refer(SignedInUser user, UUID id, ReferralForm form) {
        var consultation = visible(user, id);
        consultation.checkRouting(user);
        var errors = new ArrayList<InvalidInput.FieldError>();
        DoctorView named = null;
        if (form.doctorId() != null && !form.doctorId().isBlank()) {
            named = clinics.activeDoctorNamed(form.doctorId()).orElse(null);
            if (named == null) {
                errors.add(new InvalidInput.FieldError("doctorId", "consultation.validation.doctor"));
            }
        }
        String specialty = form.specialty() == null ? "" : form.specialty().strip();
        if (specialty.isEmpty() && named != null && !named.specialties().isEmpty()) {
            specialty = named.specialties().get(0).code();
        }
        String chosen = specialty;
        if (chosen.isEmpty()) {
            errors.add(new InvalidInput.FieldError("specialty", "validation.required"));
        } else if (clinics.specialties().stream().noneMatch(s -> s.code().equals(chosen))) {
            errors.add(new InvalidInput.FieldError("specialty", "consultation.validation.specialty"));
        } else if (named != null
                && named.specialties().stream().noneMatch(s -> s.code().equals(chosen))) {
            errors.add(new InvalidInput.FieldError("doctorId", "consultation.validation.doctor-specialty"));
        }
        ZoneId zone = clinics.timezone(consultation.clinicId());
        LocalDate until = null;
        if (!form.openEnded()) {
            if (form.validUntil() == null || form.validUntil().isBlank()) {
                errors.add(new InvalidInput.FieldError("validUntil", "consultation.validation.valid-until"));
            } else {
                try {
                    until = LocalDate.parse(form.validUntil().strip());
                    if (until.isBefore(LocalDate.ofInstant(clock.instant(), zone))) {
                        errors.add(new InvalidInput.FieldError("validUntil", "consultation.validation.past"));
                    }
                } catch (DateTimeParseException wrong) {
                    errors.add(new InvalidInput.FieldError("validUntil", "consultation.validation.date"));
                }
            }
        }
        Diagnosis presumed = null;
        if (form.presumedDiagnosis() != null && !form.presumedDiagnosis().isBlank()) {
            var entry = terminology.icd10(form.presumedDiagnosis().strip());
            if (entry.isEmpty() || !entry.get().diagnosis()) {
                errors.add(new InvalidInput.FieldError(
                        "presumedDiagnosis",
                        "consultation.validation.unknown-code",
                        List.of(form.presumedDiagnosis().strip())));
            } else {
                presumed = new Diagnosis(entry.get().code(), entry.get().name());
            }
        }
        String reason = text(form.reason(), "reason", 2000, errors);
        if (reason == null && errors.stream().noneMatch(e -> e.field().equals("reason"))) {
            errors.add(new InvalidInput.FieldError("reason", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant validUntil = until == null
                ? OPEN_ENDED
                : until.plusDays(1).atStartOfDay(zone).toInstant();
        var issued = scheduling.issueReferral(
                consultation.patientId(),
                chosen,
                named == null ? null : named.id(),
                validUntil,
                user.userId(),
                consultation.patientUserId());
        var referral = new ReferralView(
                issued.id(),
                id,
                consultation.patientId(),
                chosen,
                named == null ? null : named.id(),
                named == null ? null : named.fullName(),
                until,
                presumed,
                reason,
                issued.issuedAt(),
                consultation.doctorName(),
                null);
        referrals.insert(referral, user.userId().value());
        return referral;
    }

    /** The referrals issued in a consultation. */
    @Transactional(readOnly = true)
    public List<ReferralView> referrals(SignedInUser user, UUID id) {
        visible(user, id);
        return withUse(referrals.ofConsultation(id), null);
    }

    /** The signed-in patient's referrals from consultations, with whether a booking used them. */
    @Transactional(readOnly = true)
    public List<ReferralView> myReferrals(SignedInUser user) {
        if (user.patientId() == null) {
            return List.of();
        }
        return withUse(referrals.ofPatient(user.patientId()), user.patientId());
    }

    private List<ReferralView> withUse(List<ReferralView> list, PatientId patient) {
        if (list.isEmpty()) {
            return list;
        }
        var used = new HashMap<UUID, Instant>();
        scheduling.referrals(patient != null ? patient : list.get(0).patientId()).stream()
                .filter(r -> r.usedAt() != null)
                .forEach(r -> used.put(r.id(), r.usedAt()));
        return list.stream()
                .map(r -> new ReferralView(
                        r.id(),
                        r.consultationId(),
                        r.patientId(),
                        r.specialty(),
                        r.doctorId(),
                        r.doctorName(),
                        r.validUntil(),
                        r.presumedDiagnosis(),
                        r.reason(),
                        r.issuedAt(),
                        r.issuedByName(),
                        used.get(r.id())))
                .toList();
    }

    /** The doctors of the consultation's clinic the patient can be booked with, the doctor included. */
    @Transactional(readOnly = true)
    public List<DoctorView> routingDoctors(SignedInUser user, UUID id) {
        var consultation = visible(user, id);
        consultation.checkRouting(user);
        return clinics.findDoctors(null, null, consultation.clinicId());
    }

    /** Free slots of a doctor of the consultation's clinic, for booking the patient (seed 004, «Запись на консультацию»). */
    @Transactional(readOnly = true)
    public List<OfferedSlot> routingSlots(SignedInUser user, UUID id, DoctorId doctor) {
        var consultation = visible(user, id);
        consultation.checkRouting(user);
        var found = clinics.doctor(doctor)
                .filter(d -> d.clinicId().equals(consultation.clinicId()))
                .orElseThrow(() -> new InvalidInput("doctorId", "consultation.validation.doctor"));
        return scheduling.search(user, new SlotQuery(found.id(), null, null, null, null, null, 100));
    }

    /**
     * Books the patient straight into a slot with this or another doctor of the clinic (SPEC D10);
     * a telemedicine slot opens a new request of its own.
     */
    @Transactional
    public AppointmentView book(
            SignedInUser user, UUID id, UUID slot, UUID service, String note, String clientAddress) {
        var consultation = visible(user, id);
        consultation.checkRouting(user);
        if (slot == null) {
            throw new InvalidInput("slotId", "validation.required");
        }
        var offered = scheduling
                .slot(slot)
                .filter(s -> s.clinicId().equals(consultation.clinicId()))
                .orElseThrow(() -> new InvalidInput("slotId", "consultation.validation.slot"));
        return scheduling.book(
                user,
                new BookingRequest(offered.id(), consultation.patientId(), service, null, note, false),
                clientAddress);
    }

    // ---------------------------------------------------------------- doctor-to-doctor (D11)

    /** Patients a doctor (or a paramedic) can ask a colleague about, by phone or SNILS. */
    @Transactional(readOnly = true)
    public List<AccountView> findPatients(SignedInUser user, String phoneOrSnils) {
        requireAsker(user);
        return identity.findPatients(phoneOrSnils);
    }

    /**
     * Doctors who give doctor-to-doctor consultations, with those services: of other clinics for a
     * doctor; for a paramedic of a rural post also the doctors of their own clinic (seed 004
     * «врач (фельдшер)-врач»), whom they have no other way to ask.
     */
    @Transactional(readOnly = true)
    public List<Consultant> consultants(SignedInUser user, String specialty) {
        var asker = requireAsker(user);
        var found = new ArrayList<Consultant>();
        for (var doctor : clinics.findDoctorsOffering(specialty, ServiceKind.DOCTOR_TO_DOCTOR)) {
            if ((!asker.paramedic() && asker.clinics().contains(doctor.clinicId()))
                    || doctor.userId().equals(user.userId())) {
                continue;
            }
            var services = clinics.servicesOf(doctor.id()).stream()
                    .filter(s -> s.kind() == ServiceKind.DOCTOR_TO_DOCTOR
                            && s.format().remote())
                    .toList();
            if (!services.isEmpty()) {
                found.add(new Consultant(doctor, services));
            }
        }
        return found;
    }

    /** Whether the person asks as a paramedic (фельдшер) rather than as a doctor; refused like the form for anyone else. */
    @Transactional(readOnly = true)
    public boolean asksAsParamedic(SignedInUser user) {
        return requireAsker(user).paramedic();
    }

    /** A consultant of another clinic and the doctor-to-doctor services they give. */
    public record Consultant(DoctorView doctor, List<ServiceView> services) {}

    /** The consultant's free doctor-to-doctor slots (seed 004: «из расписания выберите день и время»). */
    @Transactional(readOnly = true)
    public List<OfferedSlot> consultantSlots(SignedInUser user, DoctorId consultant) {
        requireAsker(user);
        var services = clinics.servicesOf(consultant).stream()
                .filter(s -> s.kind() == ServiceKind.DOCTOR_TO_DOCTOR)
                .map(s -> s.id().value())
                .toList();
        return scheduling.search(user, new SlotQuery(consultant, null, null, null, null, null, 200)).stream()
                .filter(s -> services.contains(s.serviceId()))
                .toList();
    }

    /**
     * Asks a consultant about a patient (SPEC D11): books the chosen doctor-to-doctor slot for the
     * patient on the referring doctor's behalf with the case text; the request opens for both
     * doctors, in "New".
     */
    @Transactional
    public AppointmentView askColleague(
            SignedInUser user, PatientId patient, UUID slot, UUID service, String caseText, String clientAddress) {
        requireAsker(user);
        var errors = new ArrayList<InvalidInput.FieldError>();
        if (patient == null) {
            errors.add(new InvalidInput.FieldError("patientId", "validation.required"));
        }
        if (slot == null) {
            errors.add(new InvalidInput.FieldError("slotId", "validation.required"));
        }
        String text = text(caseText, "caseText", 2000, errors);
        if (text == null && errors.stream().noneMatch(e -> e.field().equals("caseText"))) {
            errors.add(new InvalidInput.FieldError("caseText", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var offered =
                scheduling.slot(slot).orElseThrow(() -> new InvalidInput("slotId", "consultation.validation.slot"));
        UUID chosen = service != null ? service : offered.serviceIds().get(0);
        boolean doctorToDoctor = clinics.service(new ServiceId(chosen))
                .map(s -> s.kind() == ServiceKind.DOCTOR_TO_DOCTOR)
                .orElse(false);
        if (!doctorToDoctor || !offered.serviceIds().contains(chosen)) {
            throw new InvalidInput("slotId", "consultation.validation.slot");
        }
        if (identity.patient(patient).isEmpty()) {
            throw new InvalidInput("patientId", "consultation.validation.patient");
        }
        return scheduling.book(user, new BookingRequest(slot, patient, chosen, null, text, false), clientAddress);
    }

    /**
     * Who asks: a doctor with a profile, by the clinics they work in, or a paramedic (фельдшер) of a
     * rural post, by the clinics whose {@link Role#PARAMEDIC} they hold now (seed 004 «врач
     * (фельдшер)-врач»). Anyone else is told the form does not exist.
     */
    private record Asker(Set<ClinicId> clinics, boolean paramedic) {}

    private Asker requireAsker(SignedInUser user) {
        if (user == null) {
            throw new NotFound();
        }
        if (user.has(Role.DOCTOR)) {
            var profiles = clinics.profilesOf(user.userId());
            if (!profiles.isEmpty()) {
                return new Asker(
                        profiles.stream().map(DoctorView::clinicId).collect(java.util.stream.Collectors.toSet()),
                        false);
            }
        }
        var posts = clinicRoles.clinicsOf(user, Role.PARAMEDIC);
        if (posts.isEmpty()) {
            throw new NotFound();
        }
        return new Asker(Set.copyOf(posts), true);
    }

    // ---------------------------------------------------------------- helpers

    private static String text(String value, String field, int limit, List<InvalidInput.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > limit) {
            errors.add(new InvalidInput.FieldError(field, "consultation.validation.too-long", List.of(limit)));
        }
        return stripped;
    }

    static String fullName(AccountView account) {
        return account.patronymic() == null || account.patronymic().isBlank()
                ? account.lastName() + " " + account.firstName()
                : account.lastName() + " " + account.firstName() + " " + account.patronymic();
    }
}
