package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.InvalidInput;

/** {@link PatientReferrals}: the referrals a patient holds, issued with a specialty and a validity (SPEC C4, H2). */
class PatientReferralsIT extends SchedulingSupport {

    @Test
    void anIssuedReferralIsThePatientsAloneAndFoundByItsId() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        var other = patient();

        var issued = patientReferrals.issueReferral(
                patient.account().patientId(),
                " cardiologist ",
                null,
                clock.instant().plus(Duration.ofDays(30)),
                doctor.view().userId());

        assertThat(issued.specialty()).isEqualTo("cardiologist");
        assertThat(patientReferrals.referrals(patient.account().patientId()))
                .extracting(ReferralView::id)
                .containsExactly(issued.id());
        assertThat(patientReferrals.referrals(other.account().patientId())).isEmpty();
        assertThat(patientReferrals.referral(issued.id()))
                .hasValueSatisfying(found -> assertThat(found.patientId())
                        .isEqualTo(patient.account().patientId()));
        assertThat(patientReferrals.referral(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aReferralNeedsASpecialtyAndAValidityInTheFutureAndARefusedOneIsNotKept() {
        var patient = patient();
        var id = patient.account().patientId();

        assertThatThrownBy(() -> patientReferrals.issueReferral(
                        id, " ", null, clock.instant().plus(Duration.ofDays(30)), null))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("specialty"));
        assertThatThrownBy(() -> patientReferrals.issueReferral(id, "cardiologist", null, clock.instant(), null))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("validUntil"));
        assertThatThrownBy(() -> patientReferrals.issueReferral(id, "cardiologist", null, null, null))
                .isInstanceOf(InvalidInput.class);
        assertThat(patientReferrals.referrals(id)).isEmpty();
    }
}
