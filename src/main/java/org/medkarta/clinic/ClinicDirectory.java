package org.medkarta.clinic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.identity.Identity;
import org.medkarta.identity.PatientRegions;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Phone;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic module's whole API: clinic profiles (SPEC B1), the offer and consent with their
 * versions and acceptances (B2), doctors (B3, A8), services and their visibility (B4, B5),
 * attachment (B6), the support queue (B7) and the public catalogue.
 *
 * <p>Methods that change or show a clinic's own data take the {@link SignedInUser} acting: a
 * platform administrator reaches every clinic, a clinic administrator only the clinics they
 * administer, and any other clinic answers {@link NotFound}, so that nobody learns what another
 * clinic holds. Whether someone administers a clinic is decided by this module's own list at the
 * moment of the request, not by the roles read at sign-in.
 */
@Service
public class ClinicDirectory {

    private final Clinics clinics;
    private final Doctors doctors;
    private final Services services;
    private final Specialties specialties;
    private final Documents documents;
    private final Attachments attachments;
    private final SupportRequests support;
    private final Images images;
    private final Identity identity;
    private final Notifications notifications;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final PatientRegions patientRegions;

    ClinicDirectory(
            Clinics clinics,
            Doctors doctors,
            Services services,
            Specialties specialties,
            Documents documents,
            Attachments attachments,
            SupportRequests support,
            Images images,
            Identity identity,
            PatientRegions patientRegions,
            Notifications notifications,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.patientRegions = patientRegions;
        this.clinics = clinics;
        this.doctors = doctors;
        this.services = services;
        this.specialties = specialties;
        this.documents = documents;
        this.attachments = attachments;
        this.support = support;
        this.images = images;
        this.identity = identity;
        this.notifications = notifications;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- clinics (B1)

    /**
     * Registers a clinic and invites its administrators by e-mail (an existing account just gets
     * the role). A clinic administrator who registers a clinic administers it at once.
     *
     * @throws InvalidInput naming every wrong field, INN and OGRN checksums included
     */
    @Transactional
    public ClinicView register(
            SignedInUser actor, ClinicForm form, List<StaffInvitation> administrators, String linkBase, Locale locale) {
        if (actor == null || !(actor.has(Role.PLATFORM_ADMIN) || actor.has(Role.CLINIC_ADMIN))) {
            throw ClinicRefusal.forbidden();
        }
        var errors = new FieldErrors();
        var profile = profile(form, errors);
        var invitations = administrators == null ? List.<StaffInvitation>of() : administrators;
        for (int i = 0; i < invitations.size(); i++) {
            checkInvitation(invitations.get(i), "administrators[" + i + "].", errors);
        }
        errors.throwIfAny();
        var id = new ClinicId(UUID.randomUUID());
        var now = clock.instant();
        clinics.insert(id, profile, now);
        if (!actor.has(Role.PLATFORM_ADMIN)) {
            clinics.addAdmin(id, actor.userId());
        }
        for (var invitation : invitations) {
            addAdministrator(id, invitation, linkBase, locale);
        }
        events.publishEvent(new ClinicRegistered(id, profile.name(), profile.region(), actor.userId(), now));
        return clinics.find(id).orElseThrow();
    }

    /** Changes a clinic's profile. */
    @Transactional
    public ClinicView update(SignedInUser actor, ClinicId clinic, ClinicForm form) {
        administer(actor, clinic);
        var errors = new FieldErrors();
        var profile = profile(form, errors);
        errors.throwIfAny();
        clinics.update(clinic, profile);
        return clinics.find(clinic).orElseThrow();
    }

    /** A clinic's whole profile, for its administrators. */
    @Transactional(readOnly = true)
    public ClinicView clinic(SignedInUser actor, ClinicId clinic) {
        administer(actor, clinic);
        return clinics.find(clinic).orElseThrow(NotFound::new);
    }

    /** The clinics a person administers: every clinic for a platform administrator. */
    @Transactional(readOnly = true)
    public List<ClinicView> administered(SignedInUser actor) {
        if (actor == null) {
            return List.of();
        }
        return actor.has(Role.PLATFORM_ADMIN) ? clinics.all(null) : clinics.administeredBy(actor.userId());
    }

    /** Whether the person may administer the clinic: scheduling asks this before schedule changes. */
    @Transactional(readOnly = true)
    public boolean administers(SignedInUser actor, ClinicId clinic) {
        if (actor == null || clinic == null) {
            return false;
        }
        return actor.has(Role.PLATFORM_ADMIN) ? clinics.exists(clinic) : clinics.isAdmin(clinic, actor.userId());
    }

    /** Invites one more administrator of a clinic by e-mail (SPEC A8). */
    @Transactional
    public void inviteAdministrator(
            SignedInUser actor, ClinicId clinic, StaffInvitation invitation, String linkBase, Locale locale) {
        administer(actor, clinic);
        var errors = new FieldErrors();
        checkInvitation(invitation, "", errors);
        errors.throwIfAny();
        addAdministrator(clinic, invitation, linkBase, locale);
    }

    /**
     * Invites a registrar of the clinic's registry by e-mail, as a doctor is invited (issue 12): they
     * sign in as staff, find and book patients, and keep the identifiers and policies of the patients
     * in the clinic's care. An existing account just gets the role in this clinic.
     */
    @Transactional
    public void inviteRegistrar(
            SignedInUser actor, ClinicId clinic, StaffInvitation invitation, String linkBase, Locale locale) {
        inviteStaff(actor, clinic, invitation, Role.REGISTRAR, linkBase, locale);
    }

    /**
     * Invites a paramedic (фельдшер) of one of the clinic's rural posts by e-mail, as a registrar is
     * invited (issue 23, seed 004 «врач (фельдшер)-врач»): they sign in as staff and ask the clinic's
     * or a consulting clinic's doctors about a patient in front of them. An existing account just gets
     * the role in this clinic.
     */
    @Transactional
    public void inviteParamedic(
            SignedInUser actor, ClinicId clinic, StaffInvitation invitation, String linkBase, Locale locale) {
        inviteStaff(actor, clinic, invitation, Role.PARAMEDIC, linkBase, locale);
    }

    private void inviteStaff(
            SignedInUser actor,
            ClinicId clinic,
            StaffInvitation invitation,
            Role role,
            String linkBase,
            Locale locale) {
        administer(actor, clinic);
        var errors = new FieldErrors();
        checkInvitation(invitation, "", errors);
        errors.throwIfAny();
        identity.invite(
                invitation.email(),
                invitation.lastName(),
                invitation.firstName(),
                invitation.patronymic(),
                role,
                clinic,
                linkBase,
                locale);
    }

    /**
     * Sets the clinic's logo.
     *
     * @throws InvalidInput {@code logo} unless a PNG or JPEG (by content) of at most 1 MB
     */
    @Transactional
    public void setLogo(SignedInUser actor, ClinicId clinic, byte[] content) {
        administer(actor, clinic);
        images.put(clinic.value(), Uploads.picture(content, "logo"));
    }

    public Optional<Picture> logo(ClinicId clinic) {
        return images.find(clinic.value());
    }

    // ---------------------------------------------------------------- catalogue

    public List<Region> regions() {
        return Regions.all();
    }

    public List<Specialty> specialties() {
        return specialties.all();
    }

    /** The public list of clinics, of one region when {@code region} is given. */
    @Transactional(readOnly = true)
    public List<ClinicCard> catalogue(String region) {
        String code = region == null || region.isBlank() ? null : region.strip();
        return clinics.all(code).stream().map(ClinicCard::of).toList();
    }

    /** What anyone may read about a clinic. */
    @Transactional(readOnly = true)
    public ClinicCard card(ClinicId clinic) {
        return clinics.find(clinic).map(ClinicCard::of).orElseThrow(NotFound::new);
    }

    /**
     * The clinic's INN (ИНН), the seller's number on a 54-FZ receipt of a paid service (SPEC B8); a
     * public legal fact of the organisation, like its name.
     */
    @Transactional(readOnly = true)
    public String inn(ClinicId clinic) {
        return clinics.find(clinic).map(ClinicView::inn).orElseThrow(NotFound::new);
    }

    /** The clinic's time zone, in which its schedules are written. */
    @Transactional(readOnly = true)
    public ZoneId timezone(ClinicId clinic) {
        return clinics.find(clinic).map(found -> ZoneId.of(found.timezone())).orElseThrow(NotFound::new);
    }

    /**
     * Active doctors for the public catalogue and the booking API: by specialty code, part of the
     * name and clinic, each optional; at most 200.
     */
    @Transactional(readOnly = true)
    public List<DoctorView> findDoctors(String specialty, String name, ClinicId clinic) {
        return doctors.search(blankToNull(specialty), blankToNull(name), clinic, 200);
    }

    /**
     * Active doctors (optionally of one specialty) who give an active service of this kind, such as
     * the consultants of doctor-to-doctor consultations: found by the query, not by filtering the
     * first page of all doctors.
     */
    @Transactional(readOnly = true)
    public List<DoctorView> findDoctorsOffering(String specialty, ServiceKind kind) {
        return doctors.search(blankToNull(specialty), null, null, kind, 200);
    }

    /** A doctor's profile, active or not; scheduling uses it to know the doctor's clinic. */
    @Transactional(readOnly = true)
    public Optional<DoctorView> doctor(DoctorId doctor) {
        return doctors.find(doctor);
    }

    /**
     * The active doctor a form names by id, as typed; empty when the id is malformed, unknown or the
     * doctor no longer sees patients — the caller names the field.
     */
    @Transactional(readOnly = true)
    public Optional<DoctorView> activeDoctorNamed(String typedId) {
        try {
            return doctors.find(DoctorId.of(typedId.strip())).filter(DoctorView::active);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** The public card of an active doctor. */
    @Transactional(readOnly = true)
    public DoctorView activeDoctor(DoctorId doctor) {
        return doctors.find(doctor).filter(DoctorView::active).orElseThrow(NotFound::new);
    }

    /** The profiles of one person as a doctor, one per clinic (for the doctor's desk). */
    @Transactional(readOnly = true)
    public List<DoctorView> profilesOf(UserId user) {
        return doctors.ofUser(user);
    }

    public Optional<Picture> photo(DoctorId doctor) {
        return images.find(doctor.value());
    }

    /** The active services a doctor gives, with their prices and visibility. */
    @Transactional(readOnly = true)
    public List<ServiceView> servicesOf(DoctorId doctor) {
        return services.ofDoctor(doctor).stream().filter(ServiceView::active).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ServiceView> service(ServiceId service) {
        return services.find(service);
    }

    /** A clinic's active services, as patients see them. */
    @Transactional(readOnly = true)
    public List<ServiceView> activeServices(ClinicId clinic) {
        return services.ofClinic(clinic).stream().filter(ServiceView::active).toList();
    }

    // ---------------------------------------------------------------- visibility (B5)

    /**
     * The visibility of a doctor's service: the narrower of the doctor's and the service's settings
     * (seed 004: a doctor visible only to attached patients stays so for every service).
     */
    @Transactional(readOnly = true)
    public Visibility visibility(DoctorId doctor, ServiceId service) {
        var found = doctors.find(doctor).orElseThrow(NotFound::new);
        var offered = services.find(service)
                .filter(s -> s.clinicId().equals(found.clinicId()))
                .orElseThrow(NotFound::new);
        return found.visibility().narrowest(offered.visibility());
    }

    /**
     * Whether a patient may see and book a doctor's service. The patient's region is not known to the
     * platform yet, so {@link Visibility#REGION} admits every patient.
     *
     * @param holdsReferral whether the patient holds a valid referral to this doctor or specialty
     *     (scheduling owns referrals)
     */
    @Transactional(readOnly = true)
    public boolean visibleTo(PatientId patient, DoctorId doctor, ServiceId service, boolean holdsReferral) {
        var found = doctors.find(doctor).orElseThrow(NotFound::new);
        return switch (visibility(doctor, service)) {
            case REGION -> inRegion(patient, found.clinicId());
            case ATTACHED -> isAttached(patient, found.clinicId());
            case REFERRAL -> holdsReferral;
        };
    }

    /**
     * The same rule for a doctor and a service already read (the booking path reads them once): the
     * service must be the doctor's clinic's.
     *
     * @throws NotFound when the service belongs to another clinic
     */
    @Transactional(readOnly = true)
    public boolean visibleTo(PatientId patient, DoctorView doctor, ServiceView service, boolean holdsReferral) {
        return switch (visibility(doctor, service)) {
            case REGION -> inRegion(patient, doctor.clinicId());
            case ATTACHED -> isAttached(patient, doctor.clinicId());
            case REFERRAL -> holdsReferral;
        };
    }

    /**
     * Whether a service visible to the clinic's region is offered to the patient (SPEC B5): they live in
     * that region, or have not said where they live (then every region's services are offered, and the
     * patient's pages ask them to say).
     */
    private boolean inRegion(PatientId patient, ClinicId clinic) {
        return inRegion(patientRegions.of(patient).orElse(null), card(clinic).region());
    }

    /** The same rule for a region already read: a patient's (null when unknown) and a clinic's. */
    public static boolean inRegion(String patientRegion, String clinicRegion) {
        return patientRegion == null || patientRegion.equals(clinicRegion);
    }

    /** The visibility of a doctor's service already read: the narrower of the two settings. */
    public Visibility visibility(DoctorView doctor, ServiceView service) {
        if (!service.clinicId().equals(doctor.clinicId())) {
            throw new NotFound();
        }
        return doctor.visibility().narrowest(service.visibility());
    }

    /**
     * Every active service of every active doctor matching the filters (each may be null), with the
     * visibility that applies, in one query: what slot search offers (SPEC C3).
     */
    @Transactional(readOnly = true)
    public List<BookableService> bookableServices(
            String specialty, ClinicId clinic, DoctorId doctor, ServiceFormat format) {
        return services.bookable(blankToNull(specialty), clinic, doctor, format);
    }

    // ---------------------------------------------------------------- doctors (B3, A8)

    /**
     * Invites a doctor by e-mail: a new person gets a link to set a password, an existing account
     * gets the doctor role in this clinic; either way the doctor has a profile here at once.
     *
     * @throws ClinicRefusal {@code doctor-exists} when the person is already a doctor of this clinic
     */
    @Transactional
    public DoctorView inviteDoctor(
            SignedInUser actor, ClinicId clinic, DoctorForm form, String linkBase, Locale locale) {
        var found = administer(actor, clinic);
        var errors = new FieldErrors();
        Email email = errors.check(() -> Email.parse(form.email(), "email"));
        var codes = new ArrayList<String>();
        var profile = doctorProfile(form, found, codes, errors);
        errors.throwIfAny();
        UserId user = identity.invite(
                email.address(),
                profile.lastName(),
                profile.firstName(),
                profile.patronymic(),
                Role.DOCTOR,
                clinic,
                linkBase,
                locale);
        if (doctors.exists(clinic, user)) {
            throw ClinicRefusal.doctorExists();
        }
        var id = new DoctorId(UUID.randomUUID());
        var now = clock.instant();
        doctors.insert(id, clinic, user, email.address(), profile, now);
        specialties.setForDoctor(id.value(), codes);
        events.publishEvent(new DoctorJoined(id, clinic, user, now));
        return doctors.find(id).orElseThrow();
    }

    /** Changes a doctor's profile in a clinic, including whether they are active. */
    @Transactional
    public DoctorView updateDoctor(SignedInUser actor, ClinicId clinic, DoctorId doctor, DoctorForm form) {
        var found = administer(actor, clinic);
        ownDoctor(clinic, doctor);
        var errors = new FieldErrors();
        var codes = new ArrayList<String>();
        var profile = doctorProfile(form, found, codes, errors);
        errors.throwIfAny();
        doctors.update(doctor, profile);
        specialties.setForDoctor(doctor.value(), codes);
        return doctors.find(doctor).orElseThrow();
    }

    /** Every doctor of a clinic, inactive ones too, for its administrators. */
    @Transactional(readOnly = true)
    public List<DoctorView> doctorsOf(SignedInUser actor, ClinicId clinic) {
        administer(actor, clinic);
        return doctors.ofClinic(clinic);
    }

    /**
     * Every doctor of a clinic, inactive ones too, for a module that has already decided that the
     * person asking may see the clinic's staff (the dashboards, SPEC J3).
     */
    @Transactional(readOnly = true)
    public List<DoctorView> doctorsOf(ClinicId clinic) {
        return doctors.ofClinic(clinic);
    }

    /** A doctor of the clinic, for its administrators. */
    @Transactional(readOnly = true)
    public DoctorView doctorOf(SignedInUser actor, ClinicId clinic, DoctorId doctor) {
        administer(actor, clinic);
        return ownDoctor(clinic, doctor);
    }

    /**
     * Sets a doctor's photo.
     *
     * @throws InvalidInput {@code photo} unless a PNG or JPEG (by content) of at most 1 MB
     */
    @Transactional
    public void setPhoto(SignedInUser actor, ClinicId clinic, DoctorId doctor, byte[] content) {
        administer(actor, clinic);
        ownDoctor(clinic, doctor);
        images.put(doctor.value(), Uploads.picture(content, "photo"));
    }

    // ---------------------------------------------------------------- services (B4, B5)

    @Transactional
    public ServiceView addService(SignedInUser actor, ClinicId clinic, ServiceForm form) {
        administer(actor, clinic);
        var row = serviceRow(clinic, form);
        var id = new ServiceId(UUID.randomUUID());
        services.insert(id, clinic, row, clock.instant());
        return services.find(id).orElseThrow();
    }

    @Transactional
    public ServiceView updateService(SignedInUser actor, ClinicId clinic, ServiceId service, ServiceForm form) {
        administer(actor, clinic);
        var before =
                services.find(service).filter(s -> s.clinicId().equals(clinic)).orElseThrow(NotFound::new);
        var row = serviceRow(clinic, form);
        services.update(service, row);
        if (row.priceKopecks() != before.priceKopecks()) {
            services.priceChanged(
                    service,
                    before.priceKopecks(),
                    row.priceKopecks(),
                    clock.instant(),
                    actor.userId().value());
        }
        return services.find(service).orElseThrow();
    }

    /** One service of the clinic, inactive too, for its administrators; another clinic's is not found. */
    @Transactional(readOnly = true)
    public ServiceView serviceOf(SignedInUser actor, ClinicId clinic, ServiceId service) {
        administer(actor, clinic);
        return services.find(service).filter(s -> s.clinicId().equals(clinic)).orElseThrow(NotFound::new);
    }

    /** The changes of a service's price, newest first, with who made them; for its administrators. */
    @Transactional(readOnly = true)
    public List<PriceChange> priceChanges(SignedInUser actor, ClinicId clinic, ServiceId service) {
        serviceOf(actor, clinic, service);
        return services.priceChanges(service).stream()
                .map(row -> {
                    var by = new UserId((UUID) row[3]);
                    String name = identity.account(by)
                            .map(a -> a.lastName() + " " + a.firstName())
                            .orElse("");
                    return new PriceChange((Long) row[0], (Long) row[1], (java.time.Instant) row[2], by, name);
                })
                .toList();
    }

    /**
     * What a service cost at an instant, such as when an appointment was booked: a later change of
     * the price does not change what the patient agreed to pay.
     */
    @Transactional(readOnly = true)
    public long priceAt(ServiceId service, java.time.Instant at) {
        return services.priceBefore(service, at)
                .orElseGet(() ->
                        services.find(service).map(ServiceView::priceKopecks).orElse(0L));
    }

    /** Every service of a clinic, inactive ones too, for its administrators. */
    @Transactional(readOnly = true)
    public List<ServiceView> servicesOf(SignedInUser actor, ClinicId clinic) {
        administer(actor, clinic);
        return services.ofClinic(clinic);
    }

    // ---------------------------------------------------------------- offer and consent (B2)

    /**
     * Publishes a new version of the clinic's offer or consent; earlier versions stay readable and
     * patients accept the new one before their next booking.
     *
     * @param text formatted text (see the pages' help) with the placeholders {@code {{clinic}}},
     *     {@code {{patient}}} and {@code {{date}}}
     */
    @Transactional
    public DocumentVersion publish(SignedInUser actor, ClinicId clinic, DocumentKind kind, String text) {
        administer(actor, clinic);
        var errors = new FieldErrors();
        String body = Fields.text(text, "text", 100_000, true, errors);
        errors.throwIfAny();
        var now = clock.instant();
        int version = documents.publish(clinic, kind, body, actor.userId(), now);
        events.publishEvent(new DocumentPublished(clinic, kind, version, actor.userId(), now));
        return documents.find(clinic, kind, version).orElseThrow();
    }

    /** Every published version of a document, newest first; public. */
    @Transactional(readOnly = true)
    public List<DocumentVersion> versions(ClinicId clinic, DocumentKind kind) {
        requireClinic(clinic);
        return documents.versions(clinic, kind);
    }

    /** One published version; public. */
    @Transactional(readOnly = true)
    public DocumentVersion version(ClinicId clinic, DocumentKind kind, int version) {
        return documents.find(clinic, kind, version).orElseThrow(NotFound::new);
    }

    /** The current version of a document, if one is published. */
    @Transactional(readOnly = true)
    public Optional<DocumentVersion> current(ClinicId clinic, DocumentKind kind) {
        return documents.latest(clinic, kind);
    }

    /** The current versions of the clinic's offer and consent. */
    @Transactional(readOnly = true)
    public ClinicDocuments currentDocuments(ClinicId clinic) {
        return new ClinicDocuments(
                documents
                        .latest(clinic, DocumentKind.OFFER)
                        .map(DocumentVersion::version)
                        .orElse(null),
                documents
                        .latest(clinic, DocumentKind.CONSENT)
                        .map(DocumentVersion::version)
                        .orElse(null));
    }

    /**
     * Whether the patient accepted the current version of every document the clinic published
     * (SPEC B2); true when the clinic published none.
     */
    @Transactional(readOnly = true)
    public boolean hasAccepted(PatientId patient, ClinicId clinic) {
        return documents.acceptedAllLatest(patient, clinic);
    }

    /**
     * Records that the patient accepts the clinic's current offer and consent, with the time and the
     * address the acceptance came from; accepting again changes nothing.
     */
    @Transactional
    public DocumentsAccepted accept(PatientId patient, ClinicId clinic, String clientAddress) {
        requireClinic(clinic);
        var current = currentDocuments(clinic);
        var now = clock.instant();
        String address =
                clientAddress == null ? "unknown" : clientAddress.substring(0, Math.min(64, clientAddress.length()));
        for (DocumentKind kind : DocumentKind.values()) {
            Integer version = current.version(kind);
            if (version != null) {
                documents.accept(patient, clinic, kind, version, now, address);
            }
        }
        var accepted =
                new DocumentsAccepted(patient, clinic, current.offerVersion(), current.consentVersion(), address, now);
        events.publishEvent(accepted);
        return accepted;
    }

    /** A patient's acceptances of one clinic's documents, newest first. */
    @Transactional(readOnly = true)
    public List<Acceptance> acceptances(PatientId patient, ClinicId clinic) {
        return documents.acceptances(patient, clinic);
    }

    /**
     * The signed-in patient's own acceptances of the clinics' informed voluntary consent (ИДС), at
     * every clinic, newest first: like the acceptance state of the documents API, only for the
     * patient themself; anyone without a record of their own gets none.
     */
    @Transactional(readOnly = true)
    public List<PatientAcceptance> consentAcceptances(SignedInUser patient) {
        if (patient == null || patient.patientId() == null) {
            return List.of();
        }
        return documents.acceptances(patient.patientId(), DocumentKind.CONSENT);
    }

    /**
     * The document as XHTML for a page, the placeholders filled; {@code {{patient}}} is the reader's
     * name when a patient reads it, a blank line otherwise.
     */
    @Transactional(readOnly = true)
    public String documentHtml(DocumentVersion document, SignedInUser reader, Locale locale) {
        return DocumentText.toXhtml(document.text(), placeholders(document, patientName(reader), locale));
    }

    /** The document as a PDF with Cyrillic text, the placeholders filled as for {@link #documentHtml}. */
    @Transactional(readOnly = true)
    public byte[] documentPdf(DocumentVersion document, SignedInUser reader, Locale locale) {
        String patientName = patientName(reader);
        var clinic = clinics.find(document.clinicId()).orElseThrow(NotFound::new);
        String title = text("clinic.document." + document.kind().name().toLowerCase(Locale.ROOT), locale);
        String subtitle = text("clinic.document.pdf-subtitle", locale)
                .formatted(
                        clinic.name(),
                        document.version(),
                        DateTimeFormatter.ISO_LOCAL_DATE.format(
                                document.publishedAt().atZone(ZoneId.of(clinic.timezone()))));
        return DocumentPdf.render(
                title, subtitle, DocumentText.toXhtml(document.text(), placeholders(document, patientName, locale)));
    }

    // ---------------------------------------------------------------- attachment (B6)

    /**
     * A patient asks to be attached to a clinic for a kind of care; the clinic confirms or refuses.
     *
     * @throws ClinicRefusal {@code already-attached} or {@code attachment-pending} for this clinic and kind
     */
    @Transactional
    public AttachmentView requestAttachment(SignedInUser patient, ClinicId clinic, String kind) {
        if (patient == null || patient.patientId() == null) {
            throw ClinicRefusal.patientOnly();
        }
        requireClinic(clinic);
        var errors = new FieldErrors();
        var chosen = Fields.choice(AttachmentKind.class, kind, "kind", true, null, errors);
        errors.throwIfAny();
        for (var existing : attachments.ofPatientLocked(patient.patientId())) {
            if (existing.clinicId().equals(clinic) && existing.kind() == chosen) {
                if (existing.status() == AttachmentStatus.CONFIRMED) {
                    throw ClinicRefusal.alreadyAttached();
                }
                if (existing.status() == AttachmentStatus.REQUESTED) {
                    throw ClinicRefusal.attachmentPending();
                }
            }
        }
        var id = UUID.randomUUID();
        attachments.request(id, patient.patientId(), patient.userId(), clinic, chosen, clock.instant());
        return attachments.find(id).orElseThrow().view();
    }

    /**
     * Confirms an attachment request; the patient's earlier attachment of the same kind ends (one
     * active attachment per kind, seed 002: no need to detach from the previous clinic first).
     */
    @Transactional
    public AttachmentView confirmAttachment(SignedInUser actor, UUID attachment, Locale locale) {
        var row = decidable(actor, attachment);
        var request = row.view();
        var now = clock.instant();
        for (var existing : attachments.ofPatientLocked(request.patientId())) {
            if (existing.kind() == request.kind() && existing.status() == AttachmentStatus.CONFIRMED) {
                attachments.end(existing.id(), now);
            }
        }
        if (attachments.find(attachment).orElseThrow().view().status() != AttachmentStatus.REQUESTED) {
            throw ClinicRefusal.alreadyDecided();
        }
        attachments.confirm(attachment, request.patientId(), request.kind(), now);
        events.publishEvent(
                new PatientAttached(attachment, request.patientId(), request.clinicId(), request.kind(), now));
        notifications.notify(
                row.user(),
                text("clinic.attachment.confirmed.title", locale),
                text("clinic.attachment.confirmed.body", locale).formatted(request.clinicName()),
                "/attachments");
        return attachments.find(attachment).orElseThrow().view();
    }

    /** Refuses an attachment request with a reason the patient reads. */
    @Transactional
    public AttachmentView refuseAttachment(SignedInUser actor, UUID attachment, String reason, Locale locale) {
        var row = decidable(actor, attachment);
        var errors = new FieldErrors();
        String why = Fields.text(reason, "reason", 1000, true, errors);
        errors.throwIfAny();
        if (!attachments.refuse(attachment, why, clock.instant())) {
            throw ClinicRefusal.alreadyDecided();
        }
        notifications.notify(
                row.user(),
                text("clinic.attachment.refused.title", locale),
                text("clinic.attachment.refused.body", locale)
                        .formatted(row.view().clinicName(), why),
                "/attachments");
        return attachments.find(attachment).orElseThrow().view();
    }

    /**
     * The patient answers a refusal, once (issue 23, seed 002: a refusal states its reason and the
     * patient may answer it): the request waits for the clinic's decision again, the refusal it answers
     * shown beside the answer; a second refusal is final.
     *
     * @throws NotFound unless the request is the patient's own
     * @throws ClinicRefusal {@code already-appealed} when answered before, {@code already-decided} when
     *     not refused, {@code attachment-pending} or {@code already-attached} when another request for
     *     the clinic and kind waits or holds
     */
    @Transactional
    public AttachmentView appealAttachment(SignedInUser patient, UUID attachment, String text) {
        if (patient == null || patient.patientId() == null) {
            throw new NotFound();
        }
        var row = attachments.find(attachment).orElseThrow(NotFound::new);
        if (!row.view().patientId().equals(patient.patientId())) {
            throw new NotFound();
        }
        var errors = new FieldErrors();
        String answer = Fields.text(text, "text", 2000, true, errors);
        errors.throwIfAny();
        var request = row.view();
        for (var other : attachments.ofPatientLocked(patient.patientId())) {
            if (!other.id().equals(attachment)
                    && other.clinicId().equals(request.clinicId())
                    && other.kind() == request.kind()) {
                if (other.status() == AttachmentStatus.CONFIRMED) {
                    throw ClinicRefusal.alreadyAttached();
                }
                if (other.status() == AttachmentStatus.REQUESTED) {
                    throw ClinicRefusal.attachmentPending();
                }
            }
        }
        if (!attachments.appeal(attachment, answer, clock.instant())) {
            var now = attachments.find(attachment).orElseThrow().view();
            throw now.appealedAt() != null ? ClinicRefusal.alreadyAppealed() : ClinicRefusal.alreadyDecided();
        }
        return attachments.find(attachment).orElseThrow().view();
    }

    /** A patient's attachments and requests, newest first. */
    @Transactional(readOnly = true)
    public List<AttachmentView> attachmentsOf(PatientId patient) {
        return attachments.ofPatient(patient);
    }

    /** A clinic's attachment requests and attachments, for its administrators; all when status is null. */
    @Transactional(readOnly = true)
    public List<AttachmentView> attachmentsOf(SignedInUser actor, ClinicId clinic, AttachmentStatus status) {
        administer(actor, clinic);
        return attachments.ofClinic(clinic, status);
    }

    /** Whether the patient holds an active attachment of any kind to the clinic. */
    @Transactional(readOnly = true)
    public boolean isAttached(PatientId patient, ClinicId clinic) {
        return attachments.ofPatient(patient).stream()
                .anyMatch(a -> a.clinicId().equals(clinic) && a.status() == AttachmentStatus.CONFIRMED);
    }

    // ---------------------------------------------------------------- support (B7)

    /**
     * Files a "Нужна помощь" request or a callback order. A signed-out visitor leaves an e-mail or a
     * phone; a callback always needs a phone.
     */
    @Transactional
    public SupportRequestView submit(SignedInUser author, SupportForm form) {
        var errors = new FieldErrors();
        var kind = Fields.choice(SupportKind.class, form.kind(), "kind", false, SupportKind.HELP, errors);
        String name = Fields.text(form.name(), "name", 200, false, errors);
        Email email = blankToNull(form.email()) == null ? null : errors.check(() -> Email.parse(form.email(), "email"));
        String phone = blankToNull(form.phone()) == null
                ? null
                : errors.check(() -> Phone.parse(form.phone(), "phone").e164());
        if (kind == SupportKind.CALLBACK && blankToNull(form.phone()) == null) {
            errors.reject("phone", "validation.required");
        } else if (author == null && blankToNull(form.email()) == null && blankToNull(form.phone()) == null) {
            errors.reject("email", "clinic.validation.contact");
        }
        String topic = Fields.text(form.topic(), "topic", 300, true, errors);
        String text = Fields.text(form.text(), "text", 5000, kind == SupportKind.HELP, errors);
        String preferred = Fields.text(form.preferredTime(), "preferredTime", 200, false, errors);
        ClinicId clinic = null;
        if (blankToNull(form.clinicId()) != null) {
            clinic = errors.check(() -> ClinicId.of(form.clinicId()));
            if (clinic != null && !clinics.exists(clinic)) {
                errors.reject("clinicId", "clinic.validation.clinic-unknown");
            }
        }
        errors.throwIfAny();
        var now = clock.instant();
        var request = new SupportRequestView(
                UUID.randomUUID(),
                kind,
                clinic,
                author == null ? null : author.userId(),
                name,
                email == null ? null : email.address(),
                phone,
                topic,
                text,
                preferred,
                SupportState.NEW,
                null,
                now,
                now);
        support.insert(request);
        return request;
    }

    /**
     * The support queue: everything for support agents and platform administrators, the requests
     * about their own clinics for clinic administrators, nothing for anyone else.
     */
    @Transactional(readOnly = true)
    public List<SupportRequestView> supportQueue(SignedInUser actor, SupportState state) {
        if (actor == null) {
            return List.of();
        }
        if (actor.has(Role.SUPPORT) || actor.has(Role.PLATFORM_ADMIN)) {
            return support.queue(state, null);
        }
        return support.queue(state, clinics.clinicsOf(actor.userId()));
    }

    /** Takes a request into work. */
    @Transactional
    public SupportRequestView take(SignedInUser actor, UUID request) {
        var found = handled(actor, request);
        support.update(found.id(), SupportState.IN_PROGRESS, null, actor.userId(), clock.instant());
        return support.find(request).orElseThrow();
    }

    /**
     * Answers a request: the reply reaches the person by e-mail or SMS where they left one and in
     * their notices when they were signed in. {@code done} closes the request.
     */
    @Transactional
    public SupportRequestView reply(SignedInUser actor, UUID request, String reply, boolean done, Locale locale) {
        var found = handled(actor, request);
        var errors = new FieldErrors();
        String text = Fields.text(reply, "reply", 5000, true, errors);
        errors.throwIfAny();
        String subject = text("clinic.support.reply.subject", locale).formatted(found.topic());
        String key = "support-reply:" + found.id() + ":" + UUID.randomUUID();
        if (found.email() != null) {
            notifications.sendEmail(found.email(), subject, text, key + ":email");
        } else if (found.phone() != null) {
            notifications.sendSms(found.phone(), subject + ": " + text, key + ":sms");
        }
        if (found.userId() != null) {
            notifications.notify(found.userId(), subject, text, null);
        }
        support.update(
                found.id(), done ? SupportState.DONE : SupportState.IN_PROGRESS, text, actor.userId(), clock.instant());
        return support.find(request).orElseThrow();
    }

    /** Closes a request without a reply (a callback made by phone). */
    @Transactional
    public SupportRequestView close(SignedInUser actor, UUID request) {
        var found = handled(actor, request);
        support.update(found.id(), SupportState.DONE, null, actor.userId(), clock.instant());
        return support.find(request).orElseThrow();
    }

    // ---------------------------------------------------------------- internals

    /** The clinic, when the person may administer it; {@link NotFound} otherwise, never "forbidden". */
    private ClinicView administer(SignedInUser actor, ClinicId clinic) {
        if (!administers(actor, clinic)) {
            throw new NotFound();
        }
        return clinics.find(clinic).orElseThrow(NotFound::new);
    }

    private void requireClinic(ClinicId clinic) {
        if (clinic == null || !clinics.exists(clinic)) {
            throw new NotFound();
        }
    }

    private DoctorView ownDoctor(ClinicId clinic, DoctorId doctor) {
        return doctors.find(doctor).filter(d -> d.clinicId().equals(clinic)).orElseThrow(NotFound::new);
    }

    private Attachments.Row decidable(SignedInUser actor, UUID attachment) {
        var row = attachments.find(attachment).orElseThrow(NotFound::new);
        if (!administers(actor, row.view().clinicId())) {
            throw new NotFound();
        }
        if (row.view().status() != AttachmentStatus.REQUESTED) {
            throw ClinicRefusal.alreadyDecided();
        }
        return row;
    }

    private SupportRequestView handled(SignedInUser actor, UUID request) {
        var found = support.find(request).orElseThrow(NotFound::new);
        boolean agent = actor != null && (actor.has(Role.SUPPORT) || actor.has(Role.PLATFORM_ADMIN));
        boolean clinicAdmin = found.clinicId() != null && administers(actor, found.clinicId());
        if (!agent && !clinicAdmin) {
            throw new NotFound();
        }
        return found;
    }

    private void addAdministrator(ClinicId clinic, StaffInvitation invitation, String linkBase, Locale locale) {
        UserId user = identity.invite(
                invitation.email(),
                invitation.lastName(),
                invitation.firstName(),
                invitation.patronymic(),
                Role.CLINIC_ADMIN,
                clinic,
                linkBase,
                locale);
        clinics.addAdmin(clinic, user);
    }

    private static void checkInvitation(StaffInvitation invitation, String prefix, FieldErrors errors) {
        if (invitation == null) {
            errors.reject(prefix + "email", "validation.required");
            return;
        }
        errors.check(() -> Email.parse(invitation.email(), prefix + "email"));
        Fields.personName(invitation.lastName(), prefix + "lastName", true, errors);
        Fields.personName(invitation.firstName(), prefix + "firstName", true, errors);
        Fields.personName(invitation.patronymic(), prefix + "patronymic", false, errors);
    }

    private Clinics.Profile profile(ClinicForm form, FieldErrors errors) {
        String name = Fields.text(form.name(), "name", 300, true, errors);
        String inn = Fields.text(form.inn(), "inn", 20, true, errors);
        if (inn != null && !LegalNumbers.innValid(inn)) {
            errors.reject("inn", "clinic.validation.inn");
        }
        String ogrn = Fields.text(form.ogrn(), "ogrn", 20, true, errors);
        if (ogrn != null && !LegalNumbers.ogrnValid(ogrn)) {
            errors.reject("ogrn", "clinic.validation.ogrn");
        }
        String licenseNumber = Fields.text(form.licenseNumber(), "licenseNumber", 100, false, errors);
        LocalDate licenseDate = Fields.pastDate(form.licenseDate(), "licenseDate", LocalDate.now(clock), errors);
        String region = Fields.text(form.region(), "region", 2, true, errors);
        if (region != null && !Regions.known(region)) {
            errors.reject("region", "clinic.validation.region");
        }
        String address = Fields.text(form.address(), "address", 500, true, errors);
        String timezone = Fields.timezone(form.timezone(), "timezone", true, errors);
        String phone = Fields.contactPhone(form.phone(), "phone", true, errors);
        String phoneExtra = Fields.text(form.phoneExtra(), "phoneExtra", 100, false, errors);
        Email email = errors.check(() -> Email.parse(form.email(), "email"));
        String site = Fields.site(form.site(), "site", errors);
        String description = Fields.text(form.description(), "description", 5000, false, errors);
        Double latitude = Fields.degrees(form.latitude(), "latitude", 90, errors);
        Double longitude = Fields.degrees(form.longitude(), "longitude", 180, errors);
        boolean latitudeGiven = form.latitude() != null && !form.latitude().isBlank();
        boolean longitudeGiven = form.longitude() != null && !form.longitude().isBlank();
        if (latitudeGiven != longitudeGiven) {
            errors.reject(latitudeGiven ? "longitude" : "latitude", "clinic.validation.position-whole");
        }
        return new Clinics.Profile(
                name,
                inn,
                ogrn,
                licenseNumber,
                licenseDate,
                region,
                address,
                timezone,
                phone,
                phoneExtra,
                email == null ? null : email.address(),
                site,
                description,
                latitude,
                longitude);
    }

    private Doctors.Profile doctorProfile(DoctorForm form, ClinicView clinic, List<String> codes, FieldErrors errors) {
        String lastName = Fields.personName(form.lastName(), "lastName", true, errors);
        String firstName = Fields.personName(form.firstName(), "firstName", true, errors);
        String patronymic = Fields.personName(form.patronymic(), "patronymic", false, errors);
        var chosen = form.specialties() == null ? List.<String>of() : form.specialties();
        if (chosen.isEmpty()) {
            errors.reject("specialties", "validation.required");
        }
        for (String code : chosen) {
            if (code == null || specialties.find(code.strip()).isEmpty()) {
                errors.reject("specialties", "clinic.validation.specialty");
            } else if (!codes.contains(code.strip())) {
                codes.add(code.strip());
            }
        }
        String position = Fields.text(form.position(), "position", 200, false, errors);
        Integer experience = form.experienceYears();
        if (experience != null && (experience < 0 || experience > 70)) {
            errors.reject("experienceYears", "clinic.validation.experience");
        }
        String biography = Fields.text(form.biography(), "biography", 5000, false, errors);
        String timezone = blankToNull(form.timezone()) == null
                ? clinic.timezone()
                : Fields.timezone(form.timezone(), "timezone", true, errors);
        var visibility =
                Fields.choice(Visibility.class, form.visibility(), "visibility", false, Visibility.REGION, errors);
        return new Doctors.Profile(
                lastName,
                firstName,
                patronymic,
                position,
                experience,
                biography,
                timezone,
                visibility.name(),
                form.active() == null || form.active());
    }

    private Services.Row serviceRow(ClinicId clinic, ServiceForm form) {
        var errors = new FieldErrors();
        String name = Fields.text(form.name(), "name", 300, true, errors);
        String specialty = Fields.text(form.specialty(), "specialty", 40, true, errors);
        if (specialty != null && specialties.find(specialty).isEmpty()) {
            errors.reject("specialty", "clinic.validation.specialty");
        }
        var format = Fields.choice(ServiceFormat.class, form.format(), "format", true, null, errors);
        var kind = Fields.choice(ServiceKind.class, form.kind(), "kind", true, null, errors);
        Integer duration = form.durationMinutes();
        if (duration == null) {
            errors.reject("durationMinutes", "validation.required");
        } else if (duration < 5 || duration > 480) {
            errors.reject("durationMinutes", "clinic.validation.duration");
        }
        Long price = form.priceKopecks();
        if (price == null) {
            errors.reject("priceKopecks", "validation.required");
        } else if (price < 0 || price > 100_000_000_00L) {
            errors.reject("priceKopecks", "clinic.validation.price");
        }
        var doctorIds = new ArrayList<UUID>();
        for (String text : form.doctorIds() == null ? List.<String>of() : form.doctorIds()) {
            DoctorId id = errors.check(() -> DoctorId.of(text));
            if (id != null && !doctorIds.contains(id.value())) {
                doctorIds.add(id.value());
            }
        }
        // A doctor of another clinic reads as unknown: a service never links across clinics.
        if (!doctors.ofClinicAmong(clinic, doctorIds).containsAll(doctorIds)) {
            errors.reject("doctorIds", "clinic.validation.doctor-unknown");
        }
        var visibility =
                Fields.choice(Visibility.class, form.visibility(), "visibility", false, Visibility.REGION, errors);
        errors.throwIfAny();
        return new Services.Row(
                name,
                specialty,
                format,
                kind,
                duration,
                price,
                doctorIds,
                visibility,
                form.active() == null || form.active());
    }

    private Map<String, String> placeholders(DocumentVersion document, String patientName, Locale locale) {
        var clinic = clinics.find(document.clinicId()).orElseThrow(NotFound::new);
        var values = new java.util.HashMap<String, String>();
        values.put("clinic", clinic.name());
        values.put(
                "date",
                DateTimeFormatter.ofPattern("dd.MM.yyyy", locale)
                        .format(clock.instant().atZone(ZoneId.of(clinic.timezone()))));
        if (patientName != null) {
            values.put("patient", patientName);
        }
        return values;
    }

    private String patientName(SignedInUser reader) {
        if (reader == null || reader.patientId() == null) {
            return null;
        }
        return identity.account(reader.userId())
                .map(account -> String.join(
                                " ",
                                account.lastName(),
                                account.firstName(),
                                account.patronymic() == null ? "" : account.patronymic())
                        .strip())
                .orElse(null);
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
