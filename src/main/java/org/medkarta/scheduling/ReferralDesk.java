package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.PatientCard;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicCare;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The doctor's referrals section (seed 004 «Направления»; issue 23): the referrals a doctor issued,
 * each issued, used, expired or cancelled; a referral issued outside a consultation to a patient in
 * the doctor's care; its cancellation by the doctor who issued it while unused; and a paper referral
 * from another clinic that a clinic's registry enters, which unlocks booking like an electronic one
 * (SPEC C4).
 *
 * <p>Care is the access module's, asked through the {@link ClinicCare} port: a doctor refers a
 * patient their clinic cares for, a registrar enters paper for a patient their clinic's registry
 * keeps. Anyone else, and anyone asking about a referral that is not theirs, gets {@link NotFound}.
 */
@Service
public class ReferralDesk {

    /** How many referrals a page lists unless asked otherwise, and the most it lists. */
    public static final int PAGE_SIZE = 20;

    public static final int MAX_PAGE_SIZE = 100;

    /** What an open-ended referral is stored as: scheduling needs a date (SPEC D10). */
    static final Instant OPEN_ENDED = Instant.parse("9999-12-31T00:00:00Z");

    private static final int REASON_LIMIT = 2000;

    private final Referrals referrals;
    private final ClinicCatalogue clinics;
    private final AccountDirectory identity;
    private final PatientRecords patientRecords;
    private final ClinicCare care;
    private final ReferralNotices notices;
    private final Clock clock;

    ReferralDesk(
            Referrals referrals,
            ClinicCatalogue clinics,
            AccountDirectory identity,
            PatientRecords patientRecords,
            ClinicCare care,
            ReferralNotices notices,
            Clock clock) {
        this.referrals = referrals;
        this.clinics = clinics;
        this.identity = identity;
        this.patientRecords = patientRecords;
        this.care = care;
        this.notices = notices;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- who works the desk

    /** Whether the person issues referrals: a doctor with an active profile at a clinic. */
    @Transactional(readOnly = true)
    public boolean refers(SignedInUser actor) {
        return !profiles(actor).isEmpty();
    }

    /** Whether the person enters paper referrals: a registrar of a clinic, read from their account. */
    @Transactional(readOnly = true)
    public boolean entersPaper(SignedInUser actor) {
        return !registrarClinics(actor).isEmpty();
    }

    /**
     * The patients a phone, SNILS or policy number leads to whom the person may refer (a doctor) or
     * enter paper for (a registrar): those their clinic cares for, never a limited card.
     */
    @Transactional(readOnly = true)
    public List<PatientCard> findPatients(SignedInUser actor, String query) {
        if (!refers(actor) && !entersPaper(actor)) {
            throw new NotFound();
        }
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return patientRecords.find(actor, query).stream()
                .filter(card -> !card.limited())
                .filter(card -> mayRefer(actor, card.patientId()) || mayEnterPaper(actor, card.patientId()))
                .toList();
    }

    /** The active doctors of the clinics the doctor works at, whom a referral may name. */
    @Transactional(readOnly = true)
    public List<DoctorView> colleagues(SignedInUser actor) {
        return profiles(actor).stream()
                .flatMap(profile -> clinics.findDoctors(null, null, profile.clinicId()).stream())
                .filter(DoctorView::active)
                .distinct()
                .toList();
    }

    /** Today in the person's clinic: the earliest last day of a referral's validity. */
    public LocalDate today(SignedInUser actor) {
        return LocalDate.ofInstant(clock.instant(), zoneOf(actor));
    }

    /** The time zone the person's clinic reads dates in. */
    @Transactional(readOnly = true)
    public ZoneId zone(SignedInUser actor) {
        return zoneOf(actor);
    }

    // ---------------------------------------------------------------- the list

    /**
     * The referrals the person issued (a doctor) or entered from paper (a registrar), newest first,
     * in one state or in any when {@code state} is null.
     *
     * @throws NotFound for anyone else
     * @throws InvalidInput {@code page} below 0, {@code size} outside 1–{@value #MAX_PAGE_SIZE}
     */
    @Transactional(readOnly = true)
    public ReferralPage issued(SignedInUser actor, ReferralState state, int page, int size) {
        if (!refers(actor) && !entersPaper(actor)) {
            throw new NotFound();
        }
        if (page < 0) {
            throw new InvalidInput("page", "scheduling.validation.page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInput("size", "scheduling.referral.validation.size", MAX_PAGE_SIZE);
        }
        Instant now = clock.instant();
        var rows = referrals.issuedBy(actor.userId().value(), state, now, page * size, size + 1);
        ZoneId zone = zoneOf(actor);
        var items = rows.stream().limit(size).map(row -> view(row, now, zone)).toList();
        return new ReferralPage(items, page, size, rows.size() > size);
    }

    /** One referral the person issued or entered; {@link NotFound} for any other. */
    @Transactional(readOnly = true)
    public IssuedReferral issued(SignedInUser actor, UUID id) {
        var found = referrals
                .issued(id)
                .filter(row -> actor != null && actor.userId().value().equals(row.issuedBy()))
                .orElseThrow(NotFound::new);
        return view(found, clock.instant(), zoneOf(actor));
    }

    // ---------------------------------------------------------------- issuing

    /**
     * Issues a referral outside a consultation (seed 004 «Выдача направления»): to a specialty, or to
     * one active doctor of it, until a day (not before today in the doctor's clinic) or open-ended,
     * with the reason. The patient's next booking of that specialty uses it up (SPEC C4).
     *
     * @throws NotFound for anyone but a doctor, and for a patient their clinic does not care for
     * @throws InvalidInput naming every wrong field
     */
    @Transactional
    public IssuedReferral issue(SignedInUser actor, NewReferral form) {
        if (!refers(actor)) {
            throw new NotFound();
        }
        var errors = new ArrayList<InvalidInput.FieldError>();
        PatientId patient = ReferralFields.patient(form.patientId(), errors);
        if (patient != null && !mayRefer(actor, patient)) {
            throw new NotFound();
        }
        DoctorView named = null;
        if (form.doctorId() != null && !form.doctorId().isBlank()) {
            named = clinics.activeDoctorNamed(form.doctorId()).orElse(null);
            if (named == null) {
                errors.add(new InvalidInput.FieldError("doctorId", "scheduling.referral.validation.doctor"));
            }
        }
        String specialty = ReferralFields.specialty(clinics, form.specialty(), errors);
        if (specialty != null
                && named != null
                && named.specialties().stream().noneMatch(s -> s.code().equals(specialty))) {
            errors.add(new InvalidInput.FieldError("doctorId", "scheduling.referral.validation.doctor-specialty"));
        }
        ZoneId zone = zoneOf(actor);
        Instant validUntil = ReferralFields.validUntil(clock, form.validUntil(), form.openEnded(), zone, errors);
        String reason = ReferralFields.text(form.reason(), "reason", REASON_LIMIT, true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var referral = new ReferralView(
                UUID.randomUUID(),
                patient,
                specialty,
                named == null ? null : named.id(),
                clock.instant(),
                validUntil,
                null,
                null,
                null);
        referrals.issue(referral, actor.userId().value(), reason, null);
        // The patient is told as for a referral from a consultation; a paper one they brought themselves.
        notices.issued(referral, null);
        return issued(actor, referral.id());
    }

    /**
     * Cancels a referral its issuing doctor holds while no booking used it: it no longer unlocks
     * booking, and a booking that names it is refused as one without a referral.
     *
     * @throws NotFound for a referral this doctor did not issue, and for a paper one: it is the
     *     issuing clinic's to withdraw, not the registry's that copied it
     * @throws SchedulingRefusal {@code referral-not-active} when it is used or already cancelled
     */
    @Transactional
    public IssuedReferral cancel(SignedInUser actor, UUID id) {
        if (!refers(actor)) {
            throw new NotFound();
        }
        var found = referrals
                .issued(id)
                .filter(row -> row.paper() == null && actor.userId().value().equals(row.issuedBy()))
                .orElseThrow(NotFound::new);
        if (!referrals.cancel(found.referral().id(), found.issuedBy(), clock.instant())) {
            throw SchedulingRefusal.referralNotActive();
        }
        return issued(actor, id);
    }

    // ---------------------------------------------------------------- paper referrals

    /**
     * Enters a paper referral from another clinic for a patient of the registrar's clinic: the
     * issuing organisation, the number, the date on it (not in the future), the referring doctor's
     * name, the specialty it refers to, and the validity. It then unlocks booking of that specialty
     * like an electronic referral, and the booking uses it up.
     *
     * @throws NotFound for anyone but a registrar, and for a patient their clinic's registry does not keep
     * @throws InvalidInput naming every wrong field
     */
    @Transactional
    public IssuedReferral enterPaper(SignedInUser actor, PaperReferralForm form) {
        if (!entersPaper(actor)) {
            throw new NotFound();
        }
        var errors = new ArrayList<InvalidInput.FieldError>();
        PatientId patient = ReferralFields.patient(form.patientId(), errors);
        if (patient != null && !mayEnterPaper(actor, patient)) {
            throw new NotFound();
        }
        String organisation = ReferralFields.text(form.organisation(), "organisation", 300, true, errors);
        String number = ReferralFields.text(form.number(), "number", 60, true, errors);
        String doctorName = ReferralFields.text(form.doctorName(), "doctorName", 300, true, errors);
        ZoneId zone = zoneOf(actor);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate issuedOn = ReferralFields.date(form.issuedOn(), "issuedOn", errors);
        if (issuedOn != null && issuedOn.isAfter(today)) {
            errors.add(new InvalidInput.FieldError("issuedOn", "scheduling.referral.validation.future"));
        }
        String specialty = ReferralFields.specialty(clinics, form.specialty(), errors);
        Instant validUntil = ReferralFields.validUntil(clock, form.validUntil(), form.openEnded(), zone, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var referral = new ReferralView(
                UUID.randomUUID(), patient, specialty, null, clock.instant(), validUntil, null, null, null);
        referrals.issue(
                referral, actor.userId().value(), null, new PaperReferral(organisation, number, issuedOn, doctorName));
        return issued(actor, referral.id());
    }

    // ---------------------------------------------------------------- rules

    private boolean mayRefer(SignedInUser actor, PatientId patient) {
        return refers(actor) && care.cares(actor.userId(), patient);
    }

    private boolean mayEnterPaper(SignedInUser actor, PatientId patient) {
        return entersPaper(actor) && care.keepsRegistry(actor.userId(), patient);
    }

    private List<DoctorView> profiles(SignedInUser actor) {
        if (actor == null || !actor.has(Role.DOCTOR)) {
            return List.of();
        }
        return clinics.profilesOf(actor.userId()).stream()
                .filter(DoctorView::active)
                .toList();
    }

    /** The clinics whose registrar the person is now, read from their account, not their sign-in. */
    private List<ClinicId> registrarClinics(SignedInUser actor) {
        if (actor == null || !actor.has(Role.REGISTRAR)) {
            return List.of();
        }
        return identity.account(actor.userId())
                .map(account -> account.roles().stream()
                        .filter(grant -> grant.role() == Role.REGISTRAR && grant.clinic() != null)
                        .map(RoleGrant::clinic)
                        .distinct()
                        .toList())
                .orElse(List.of());
    }

    /** The time zone of the person's clinic: what "today" and a validity day mean to them. */
    private ZoneId zoneOf(SignedInUser actor) {
        var profile = profiles(actor).stream().findFirst();
        if (profile.isPresent()) {
            return clinics.timezone(profile.get().clinicId());
        }
        return registrarClinics(actor).stream()
                .findFirst()
                .map(clinics::timezone)
                .orElse(ZoneId.of("Europe/Moscow"));
    }

    private IssuedReferral view(Referrals.Issued row, Instant now, ZoneId zone) {
        var referral = row.referral();
        ReferralState state = referral.cancelledAt() != null
                ? ReferralState.CANCELLED
                : referral.usedAt() != null
                        ? ReferralState.USED
                        : referral.validUntil().isAfter(now) ? ReferralState.ISSUED : ReferralState.EXPIRED;
        LocalDate lastDay = referral.validUntil().equals(OPEN_ENDED)
                ? null
                : LocalDate.ofInstant(referral.validUntil().minusNanos(1), zone);
        String doctorName = referral.doctorId() == null
                ? null
                : clinics.doctor(referral.doctorId()).map(DoctorView::fullName).orElse(null);
        String patientName =
                identity.patient(referral.patientId()).map(ReferralFields::name).orElse("");
        return new IssuedReferral(
                referral.id(),
                referral.patientId(),
                patientName,
                referral.specialty(),
                referral.doctorId(),
                doctorName,
                referral.issuedAt(),
                lastDay,
                state,
                referral.usedAt(),
                referral.appointmentId(),
                referral.cancelledAt(),
                row.reason(),
                row.paper());
    }
}
