package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referrals a patient holds (SPEC C4, D10, H2): issued to a specialty or one doctor of it until
 * a moment, used up by the patient's next booking there, unlocking services visible by referral
 * only. The consultation module issues them when a doctor refers a patient; the access module and
 * FHIR read them. A doctor's own referrals section is {@link ReferralDesk}.
 */
@Service
public class PatientReferrals {

    private final Referrals referrals;
    private final ReferralNotices referralNotices;
    private final Clock clock;

    PatientReferrals(Referrals referrals, ReferralNotices referralNotices, Clock clock) {
        this.referrals = referrals;
        this.referralNotices = referralNotices;
        this.clock = clock;
    }

    /**
     * Issues a referral to a specialty (or one doctor of it) that the patient's next booking there
     * uses up, and tells the patient's own account about it (SPEC H2).
     */
    @Transactional
    public ReferralView issueReferral(
            PatientId patient, String specialty, DoctorId doctor, Instant validUntil, UserId issuedBy) {
        return issueReferral(patient, specialty, doctor, validUntil, issuedBy, null);
    }

    /**
     * Issues a referral as {@link #issueReferral(PatientId, String, DoctorId, Instant, UserId)} does;
     * the consultation module calls this when a doctor refers a patient. The notice goes to {@code
     * representative} (whoever booked the consultation for the patient) while they may still act for
     * the patient, otherwise to the patient's own account.
     */
    @Transactional
    public ReferralView issueReferral(
            PatientId patient,
            String specialty,
            DoctorId doctor,
            Instant validUntil,
            UserId issuedBy,
            UserId representative) {
        if (specialty == null || specialty.isBlank()) {
            throw new InvalidInput("specialty", "validation.required");
        }
        if (validUntil == null || !validUntil.isAfter(clock.instant())) {
            throw new InvalidInput("validUntil", "scheduling.validation.in-past");
        }
        var referral = new ReferralView(
                UUID.randomUUID(), patient, specialty.strip(), doctor, clock.instant(), validUntil, null, null, null);
        referrals.issue(referral, issuedBy == null ? null : issuedBy.value());
        referralNotices.issued(referral, representative);
        return referral;
    }

    @Transactional(readOnly = true)
    public List<ReferralView> referrals(PatientId patient) {
        return referrals.ofPatient(patient);
    }

    /**
     * One referral by its id, whoever's it is: for a caller that then asks the access module's policy
     * point about the referral's patient before showing it (a FHIR read), as {@link #referrals} is
     * for a caller that already did.
     */
    @Transactional(readOnly = true)
    public Optional<ReferralView> referral(UUID id) {
        return referrals.find(id);
    }
}
