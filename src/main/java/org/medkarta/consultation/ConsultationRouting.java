package org.medkarta.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.OfferedSlot;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.terminology.Terminology;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing the patient from a consultation (SPEC D10; seed 004 «Создание направления», «Запись на
 * консультацию»): the consulting doctor issues referrals (to a specialty or a named doctor, until a
 * date or without end, with a presumed diagnosis) and books the patient with a doctor of the clinic;
 * the patient sees their referrals and whether a booking used them.
 */
@Service
public class ConsultationRouting {

    /** What an open-ended referral is stored as in scheduling, which needs a date (SPEC D10). */
    static final Instant OPEN_ENDED = Instant.parse("9999-12-31T00:00:00Z");

    private final ConsultationAccess access;
    private final RoutedReferrals referrals;
    private final ClinicCatalogue clinics;
    private final SlotSearch slotSearch;
    private final Booking booking;
    private final PatientReferrals patientReferrals;
    private final Terminology terminology;
    private final Clock clock;

    ConsultationRouting(
            ConsultationAccess access,
            RoutedReferrals referrals,
            ClinicCatalogue clinics,
            SlotSearch slotSearch,
            Booking booking,
            PatientReferrals patientReferrals,
            Terminology terminology,
            Clock clock) {
        this.access = access;
        this.referrals = referrals;
        this.clinics = clinics;
        this.slotSearch = slotSearch;
        this.booking = booking;
        this.patientReferrals = patientReferrals;
        this.terminology = terminology;
        this.clock = clock;
    }

    /**
     * Issues a referral from an open or closed consultation (seed 004, «Создание направления»): to a
     * specialty or a named doctor, until a date or without end, with a presumed diagnosis and a
     * reason. It appears in the patient's account and opens referral-only services to them.
     */
    @Transactional
    public ReferralView refer(SignedInUser user, UUID id, ReferralForm form) {
        var consultation = access.visible(user, id);
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
        String reason = FormTexts.text(form.reason(), "reason", 2000, errors);
        if (reason == null && errors.stream().noneMatch(e -> e.field().equals("reason"))) {
            errors.add(new InvalidInput.FieldError("reason", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant validUntil = until == null
                ? OPEN_ENDED
                : until.plusDays(1).atStartOfDay(zone).toInstant();
        var issued = patientReferrals.issueReferral(
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
        access.visible(user, id);
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
        patientReferrals.referrals(patient != null ? patient : list.get(0).patientId()).stream()
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
        var consultation = access.visible(user, id);
        consultation.checkRouting(user);
        return clinics.findDoctors(null, null, consultation.clinicId());
    }

    /** Free slots of a doctor of the consultation's clinic, for booking the patient (seed 004, «Запись на консультацию»). */
    @Transactional(readOnly = true)
    public List<OfferedSlot> routingSlots(SignedInUser user, UUID id, DoctorId doctor) {
        var consultation = access.visible(user, id);
        consultation.checkRouting(user);
        var found = clinics.doctor(doctor)
                .filter(d -> d.clinicId().equals(consultation.clinicId()))
                .orElseThrow(() -> new InvalidInput("doctorId", "consultation.validation.doctor"));
        return slotSearch.search(user, new SlotQuery(found.id(), null, null, null, null, null, 100));
    }

    /**
     * Books the patient straight into a slot with this or another doctor of the clinic (SPEC D10);
     * a telemedicine slot opens a new request of its own.
     */
    @Transactional
    public AppointmentView book(
            SignedInUser user, UUID id, UUID slot, UUID service, String note, String clientAddress) {
        var consultation = access.visible(user, id);
        consultation.checkRouting(user);
        if (slot == null) {
            throw new InvalidInput("slotId", "validation.required");
        }
        var offered = slotSearch
                .slot(slot)
                .filter(s -> s.clinicId().equals(consultation.clinicId()))
                .orElseThrow(() -> new InvalidInput("slotId", "consultation.validation.slot"));
        return booking.book(
                user,
                new BookingRequest(offered.id(), consultation.patientId(), service, null, note, false),
                clientAddress);
    }
}
