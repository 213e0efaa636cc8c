package org.medkarta.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.identity.ClinicRoles;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.scheduling.WalkInCalls;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a doctor is caring for a patient (SPEC F4): a booked appointment with them, a referral
 * naming them that is still valid or was used (a cancelled one is none), a walk-in ticket they called
 * (SPEC C9), the patient's attachment to a clinic they work in,
 * or any {@link CareRelationship} another module contributes (an open consultation).
 */
@Component
class CareRelationships {

    private final ClinicCatalogue clinics;

    private final PatientAttachments patientAttachments;
    private final AppointmentReading appointmentReading;
    private final PatientReferrals patientReferrals;
    private final List<CareRelationship> others;
    // Looked up when first asked: the walk-in queues ask identity's patient records, which ask access.
    private final ObjectProvider<WalkInCalls> walkIns;
    private final ClinicRoles paramedicClinics;

    CareRelationships(
            ClinicCatalogue clinics,
            PatientAttachments patientAttachments,
            AppointmentReading appointmentReading,
            PatientReferrals patientReferrals,
            List<CareRelationship> others,
            ObjectProvider<WalkInCalls> walkIns,
            ClinicRoles paramedicClinics) {
        this.paramedicClinics = paramedicClinics;
        this.clinics = clinics;
        this.patientAttachments = patientAttachments;
        this.appointmentReading = appointmentReading;
        this.patientReferrals = patientReferrals;
        this.others = others;
        this.walkIns = walkIns;
    }

    boolean cares(SignedInUser doctor, PatientId patient, Instant now) {
        var profiles = clinics.profilesOf(doctor.userId()).stream()
                .filter(DoctorView::active)
                .toList();
        if (profiles.isEmpty()) {
            return false;
        }
        Set<DoctorId> ids = profiles.stream().map(DoctorView::id).collect(Collectors.toSet());
        return ids.stream().anyMatch(id -> appointmentReading.hasAppointment(patient, id))
                || patientReferrals.referrals(patient).stream()
                        .anyMatch(referral -> referral.doctorId() != null
                                && referral.cancelledAt() == null
                                && ids.contains(referral.doctorId())
                                && (referral.usedAt() != null
                                        || referral.validUntil().isAfter(now)))
                || walkIns.getObject().saw(ids, patient)
                || profiles.stream().anyMatch(profile -> patientAttachments.isAttached(patient, profile.clinicId()))
                || others.stream().anyMatch(source -> source.cares(ids, patient, now));
    }

    /**
     * Whether a paramedic (фельдшер) of a rural post is caring for the patient (issue 23): only while
     * they hold the paramedic role of some clinic now (read from the database, not the sign-in), and
     * only through a relationship another module contributes (the question they asked a doctor about
     * the patient); a paramedic has no appointments, referrals or attached patients of their own.
     */
    boolean paramedicCares(SignedInUser paramedic, PatientId patient, Instant now) {
        if (paramedicClinics.clinicsOf(paramedic, Role.PARAMEDIC).isEmpty()) {
            return false;
        }
        return others.stream().anyMatch(source -> source.caresAsParamedic(paramedic.userId(), patient, now));
    }
}
