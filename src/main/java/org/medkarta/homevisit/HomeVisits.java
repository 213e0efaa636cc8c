package org.medkarta.homevisit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.clinic.AttachmentStatus;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.PatientContacts;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Phone;
import org.medkarta.shared.TypedId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's side of a home visit (вызов врача на дом, issue 23; seed 002: the call centre
 * "действует и для вызова врачей на дом"): asking the clinic one is attached to for a doctor at
 * home, seeing one's requests, cancelling one not yet visited. A parent of a child under 15 and a
 * FULL grantee ask for the person they act for, as they book for them (the access module decides).
 */
@Service
public class HomeVisits {

    /** A clinic the patient may ask: one they hold a confirmed attachment to. */
    public record AttachedClinic(ClinicId id, String name) {}

    /** A person the signed-in user asks for, with the clinics they may ask and their requests. */
    public record Subject(PatientId patientId, String name, List<AttachedClinic> clinics, List<HomeVisitView> visits) {}

    /** What the request form starts from: the clinics to ask and the record's actual address. */
    public record Draft(PatientId patientId, List<AttachedClinic> clinics, String address, String phone) {}

    static final int ADDRESS_MAX = 500;
    static final int REASON_MAX = 1000;
    static final BigDecimal LOWEST = new BigDecimal("34.0");
    static final BigDecimal HIGHEST = new BigDecimal("43.0");

    private final Visits visits;
    private final VisitParties parties;
    private final PatientAttachments clinics;
    private final ClinicCatalogue catalogue;
    private final RecordAccess access;
    private final PatientContacts contactData;
    private final org.medkarta.identity.AccountDirectory identity;
    private final HomeVisitNotices notices;
    private final HomeVisitSettings settings;
    private final Clock clock;

    HomeVisits(
            Visits visits,
            VisitParties parties,
            PatientAttachments clinics,
            ClinicCatalogue catalogue,
            RecordAccess access,
            PatientContacts contactData,
            org.medkarta.identity.AccountDirectory identity,
            HomeVisitNotices notices,
            HomeVisitSettings settings,
            Clock clock) {
        this.visits = visits;
        this.parties = parties;
        this.clinics = clinics;
        this.catalogue = catalogue;
        this.access = access;
        this.contactData = contactData;
        this.identity = identity;
        this.notices = notices;
        this.settings = settings;
        this.clock = clock;
    }

    /** The clinics the patient is attached to; an empty list means the form is not offered. */
    @Transactional(readOnly = true)
    public List<AttachedClinic> attachedClinics(PatientId patient) {
        return clinics.attachmentsOf(patient).stream()
                .filter(a -> a.status() == AttachmentStatus.CONFIRMED)
                .map(a -> new AttachedClinic(a.clinicId(), a.clinicName()))
                .distinct()
                .toList();
    }

    /**
     * The people the signed-in user asks for — their own record, children under 15, FULL grants —
     * each with the clinics they are attached to and their requests, newest first.
     */
    @Transactional
    public List<Subject> subjects(SignedInUser actor) {
        var found = new java.util.ArrayList<Subject>();
        for (var ref : access.records(actor)) {
            boolean acts = ref.relation() == org.medkarta.access.Relation.SELF
                    || ref.relation() == org.medkarta.access.Relation.PARENT
                    || ref.level() == org.medkarta.access.AccessLevel.FULL;
            if (!acts || !parties.actsFor(actor, ref.patientId())) {
                continue;
            }
            String name = identity.patient(ref.patientId())
                    .map(account -> account.lastName() + " " + account.firstName())
                    .orElse("—");
            found.add(new Subject(
                    ref.patientId(),
                    name,
                    attachedClinics(ref.patientId()),
                    visits.ofPatient(ref.patientId()).stream()
                            .map(parties::view)
                            .toList()));
        }
        return found;
    }

    /**
     * The form for {@code patient}: the address prefilled from the record's actual address, the
     * phone from the account.
     *
     * @throws NotFound when the person may not act for the patient
     */
    @Transactional
    public Draft draft(SignedInUser actor, PatientId patient) {
        parties.requireActsFor(actor, patient);
        String address = contactData
                .contacts(access.require(actor, patient, RecordAction.VIEW))
                .actualAddress();
        String phone = identity.patient(patient)
                .map(org.medkarta.identity.AccountView::phone)
                .orElse(null);
        return new Draft(patient, attachedClinics(patient), address, phone);
    }

    /**
     * Asks the clinic for a doctor at home.
     *
     * @throws NotFound when the person may not act for the patient
     * @throws InvalidInput naming each wrong field: {@code clinicId} (missing, or a clinic the
     *     patient is not attached to), {@code address}, {@code reason} (required, up to 1000
     *     characters), {@code temperature} (34.0–43.0 °C), {@code phone}, {@code day} (today or
     *     tomorrow in the clinic's time zone; today only until the clinic's same-day cut-off)
     * @throws HomeVisitRefusal {@code home-visit-open} when the patient has an open request for the day
     */
    @Transactional
    public HomeVisitView ask(SignedInUser actor, HomeVisitForm form) {
        PatientId patient = form.patientId() == null || form.patientId().isBlank()
                ? actor.patientId()
                : new PatientId(TypedId.parse(form.patientId(), "patientId"));
        if (patient == null) {
            throw new InvalidInput("patientId", "validation.required");
        }
        parties.requireActsFor(actor, patient);
        var errors = new FieldErrors();
        ClinicId clinic = null;
        if (form.clinicId() == null || form.clinicId().isBlank()) {
            errors.reject("clinicId", "validation.required");
        } else {
            clinic = errors.check(() -> new ClinicId(TypedId.parse(form.clinicId(), "clinicId")));
            if (clinic != null && !clinics.isAttached(patient, clinic)) {
                errors.reject("clinicId", "homevisit.validation.not-attached");
                clinic = null;
            }
        }
        String address = text(form.address(), "address", ADDRESS_MAX, errors);
        String reason = text(form.reason(), "reason", REASON_MAX, errors);
        BigDecimal temperature = temperature(form.temperature(), errors);
        Phone phone = errors.check(() -> Phone.parse(form.phone(), "phone"));
        LocalDate day = null;
        if (clinic != null) {
            var local = clock.instant().atZone(catalogue.timezone(clinic));
            day = day(form.day(), local.toLocalDate(), errors);
            var cutOff = settings.sameDayUntil(clinic);
            // The clinic takes same-day calls until its cut-off; later, only tomorrow (issue 23).
            if (day != null
                    && day.equals(local.toLocalDate())
                    && cutOff.isPresent()
                    && !local.toLocalTime().isBefore(cutOff.get())) {
                errors.reject(
                        "day",
                        "homevisit.validation.same-day-closed",
                        cutOff.get().toString());
                day = null;
            }
        } else if (form.day() == null || form.day().isBlank()) {
            errors.reject("day", "validation.required");
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        if (!visits.insert(id, patient, clinic, actor.userId(), address, reason, temperature, phone.e164(), day, now)) {
            throw HomeVisitRefusal.openAlready();
        }
        return parties.view(visits.find(id).orElseThrow());
    }

    /**
     * The patient's requests, newest first.
     *
     * @throws NotFound when the person may not act for the patient
     */
    @Transactional
    public List<HomeVisitView> of(SignedInUser actor, PatientId patient) {
        parties.requireActsFor(actor, patient);
        return visits.ofPatient(patient).stream().map(parties::view).toList();
    }

    /**
     * One request, to its patient's side, its clinic's registry or its doctor.
     *
     * @throws NotFound for anyone else
     */
    @Transactional
    public HomeVisitView visit(SignedInUser actor, UUID id) {
        var row = visits.find(id).orElseThrow(NotFound::new);
        parties.requireReader(actor, row);
        return parties.view(row);
    }

    /**
     * Cancels a request not yet visited: by the patient's side, or by the clinic's registry, who
     * then tells the patient.
     *
     * @throws NotFound for anyone else
     * @throws HomeVisitRefusal {@code home-visit-closed} when it is visited or cancelled already
     */
    @Transactional
    public HomeVisitView cancel(SignedInUser actor, UUID id) {
        var row = visits.find(id).orElseThrow(NotFound::new);
        boolean byClinic = parties.registryOf(actor, row.clinicId());
        if (!byClinic) {
            parties.requireActsFor(actor, row.patientId());
        }
        Instant now = clock.instant();
        if (!row.state().open() || !visits.close(id, row.state(), HomeVisitState.CANCELLED, actor.userId(), now)) {
            throw HomeVisitRefusal.closed();
        }
        var cancelled = visits.find(id).orElseThrow();
        if (byClinic) {
            notices.cancelledByClinic(cancelled);
        }
        return parties.view(cancelled);
    }

    private static String text(String value, String field, int max, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.reject(field, "validation.required");
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            errors.reject(field, "homevisit.validation.too-long", max);
            return null;
        }
        return stripped;
    }

    /** Degrees Celsius as a person types them: {@code 37,8} or {@code 37.8}; one decimal kept. */
    static BigDecimal temperature(String typed, FieldErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(typed.strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            errors.reject("temperature", "homevisit.validation.temperature");
            return null;
        }
        if (value.compareTo(LOWEST) < 0 || value.compareTo(HIGHEST) > 0) {
            errors.reject("temperature", "homevisit.validation.temperature");
            return null;
        }
        return value.setScale(1, RoundingMode.HALF_UP);
    }

    /** Today or tomorrow in the clinic's time zone: a home visit is for the days the registry plans. */
    static LocalDate day(String typed, LocalDate today, FieldErrors errors) {
        if (typed == null || typed.isBlank()) {
            errors.reject("day", "validation.required");
            return null;
        }
        String value = typed.strip();
        LocalDate day;
        if (value.equalsIgnoreCase("TODAY")) {
            day = today;
        } else if (value.equalsIgnoreCase("TOMORROW")) {
            day = today.plusDays(1);
        } else {
            try {
                day = LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException malformed) {
                errors.reject("day", "homevisit.validation.day");
                return null;
            }
        }
        if (!day.equals(today) && !day.equals(today.plusDays(1))) {
            errors.reject("day", "homevisit.validation.day");
            return null;
        }
        return day;
    }
}
