package org.medkarta.access;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medkarta.clinic.AttachmentStatus;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicStaff;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.DoctorSchedules;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.shared.ClinicCare;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The access module's answer to the {@link ClinicCare} port (SPEC F4, C6; issue 12): a clinic cares
 * for a patient who is attached to it, has a booked appointment with one of its doctors, holds a
 * referral to one of its doctors (still valid, or used), or whose record its staff registered. Its
 * doctors then see the patient's identifiers; its registrars and administrators also keep them.
 *
 * <p>Staff and their clinics are read from the database at each question, never from the roles read
 * at sign-in: a doctor who left a clinic, or a revoked role, stops seeing at once.
 */
@Component
class ClinicCareRelationships implements ClinicCare {

    private static final Instant FIRST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("3000-01-01T00:00:00Z");

    private final AccountDirectory identity;
    private final ClinicAdministrators clinics;
    private final PatientAttachments patientAttachments;
    private final ClinicCatalogue clinicCatalogue;
    private final ClinicStaff clinicStaff;
    // Looked up when first asked: scheduling asks identity's patient records, which ask this port.
    private final ObjectProvider<DoctorSchedules> doctorSchedules;
    private final ObjectProvider<AppointmentReading> appointmentReading;
    private final ObjectProvider<PatientReferrals> patientReferrals;
    private final JdbcClient jdbc;
    private final Clock clock;

    ClinicCareRelationships(
            AccountDirectory identity,
            ClinicAdministrators clinics,
            PatientAttachments patientAttachments,
            ClinicCatalogue clinicCatalogue,
            ClinicStaff clinicStaff,
            ObjectProvider<DoctorSchedules> doctorSchedules,
            ObjectProvider<AppointmentReading> appointmentReading,
            ObjectProvider<PatientReferrals> patientReferrals,
            JdbcClient jdbc,
            Clock clock) {
        this.identity = identity;
        this.clinics = clinics;
        this.patientAttachments = patientAttachments;
        this.clinicCatalogue = clinicCatalogue;
        this.clinicStaff = clinicStaff;
        this.doctorSchedules = doctorSchedules;
        this.appointmentReading = appointmentReading;
        this.patientReferrals = patientReferrals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean cares(UserId staff, PatientId patient) {
        var account = identity.account(staff);
        if (account.isEmpty()) {
            return false;
        }
        var all = new LinkedHashSet<>(doctorClinics(staff));
        all.addAll(registryClinics(account.get()));
        return caringAmong(all, patient);
    }

    @Override
    public boolean keepsRegistry(UserId staff, PatientId patient) {
        return identity.account(staff)
                .map(account -> caringAmong(registryClinics(account), patient))
                .orElse(false);
    }

    @Override
    public boolean worksAtAClinic(UserId staff) {
        return identity.account(staff)
                .map(account -> !doctorClinics(staff).isEmpty()
                        || !registryClinics(account).isEmpty())
                .orElse(false);
    }

    @Override
    public void registered(UserId staff, PatientId patient) {
        var account = identity.account(staff);
        if (account.isEmpty()) {
            return;
        }
        var all = new LinkedHashSet<>(doctorClinics(staff));
        all.addAll(registryClinics(account.get()));
        for (ClinicId clinic : all) {
            jdbc.sql("""
                            INSERT INTO access_clinic_registration (patient_id, clinic_id, registered_by, registered_at)
                            VALUES (:patient, :clinic, :by, :at)
                            """)
                    .param("patient", patient.value())
                    .param("clinic", clinic.value())
                    .param("by", staff.value())
                    .param("at", Columns.utc(clock.instant()))
                    .update();
        }
    }

    /**
     * {@code admin} as the clinic's administrator now, roles read from the database; empty when they
     * hold no {@code CLINIC_ADMIN} role or do not administer {@code clinic}.
     */
    Optional<SignedInUser> administrator(UserId admin, ClinicId clinic) {
        return identity.account(admin)
                .filter(account -> account.roles().stream().anyMatch(grant -> grant.role() == Role.CLINIC_ADMIN))
                .map(account -> new SignedInUser(
                        account.userId(),
                        account.firstName(),
                        null,
                        List.of(new RoleGrant(Role.CLINIC_ADMIN, null)),
                        "CLINIC_EXPORT"))
                .filter(user -> clinics.administers(user, clinic));
    }

    /**
     * The patients {@code clinic} cares for now, found among those attached to it, booked with its
     * doctors or registered by its staff, each then held to {@link #caresFor}. A patient whose only
     * tie is an unused referral is not listed: referrals are found by patient, not by clinic.
     */
    List<PatientId> caredFor(SignedInUser admin, ClinicId clinic) {
        var candidates = new LinkedHashSet<PatientId>();
        patientAttachments
                .attachmentsOf(admin, clinic, AttachmentStatus.CONFIRMED)
                .forEach(attachment -> candidates.add(attachment.patientId()));
        for (DoctorView doctor : clinicStaff.doctorsOf(admin, clinic)) {
            try {
                doctorSchedules.getObject().doctorAppointments(admin, doctor.id(), FIRST, LAST).stream()
                        .map(AppointmentView::patientId)
                        .forEach(candidates::add);
            } catch (NotFound notManaged) {
                // A schedule the administrator does not see adds no one.
            }
        }
        jdbc.sql("SELECT patient_id FROM access_clinic_registration WHERE clinic_id = :clinic ORDER BY registered_at")
                .param("clinic", clinic.value())
                .query((row, n) -> new PatientId(Columns.uuid(row, "patient_id")))
                .list()
                .forEach(candidates::add);
        return candidates.stream().filter(patient -> caresFor(clinic, patient)).toList();
    }

    /** Whether {@code clinic} cares for {@code patient} now, by the rules above. */
    boolean caresFor(ClinicId clinic, PatientId patient) {
        return caringAmong(Set.of(clinic), patient);
    }

    private boolean caringAmong(Set<ClinicId> clinicsOfStaff, PatientId patient) {
        if (clinicsOfStaff.isEmpty() || patient == null) {
            return false;
        }
        var now = clock.instant();
        for (ClinicId clinic : clinicsOfStaff) {
            if (patientAttachments.isAttached(patient, clinic)
                    || appointmentReading.getObject().hasAppointmentAt(patient, clinic)
                    || registeredAt(patient, clinic)) {
                return true;
            }
        }
        return patientReferrals.getObject().referrals(patient).stream()
                .filter(referral -> referral.doctorId() != null && referral.cancelledAt() == null)
                .filter(referral ->
                        referral.usedAt() != null || referral.validUntil().isAfter(now))
                .anyMatch(referral -> clinicCatalogue
                        .doctor(referral.doctorId())
                        .map(doctor -> clinicsOfStaff.contains(doctor.clinicId()))
                        .orElse(false));
    }

    private boolean registeredAt(PatientId patient, ClinicId clinic) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM access_clinic_registration
                                WHERE patient_id = :patient AND clinic_id = :clinic
                                """)
                        .param("patient", patient.value())
                        .param("clinic", clinic.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The clinics whose registry {@code staff} keeps now, read from the database; none for an unknown account. */
    Set<ClinicId> registryClinics(UserId staff) {
        return identity.account(staff).map(this::registryClinics).orElse(Set.of());
    }

    /** The clinics where the person is an active doctor. */
    private Set<ClinicId> doctorClinics(UserId staff) {
        var found = new LinkedHashSet<ClinicId>();
        clinicCatalogue.profilesOf(staff).stream()
                .filter(DoctorView::active)
                .map(DoctorView::clinicId)
                .forEach(found::add);
        return found;
    }

    /**
     * The clinics whose registry the person keeps: as a registrar, or as one of its administrators
     * (a platform administrator is no clinic's registry).
     */
    Set<ClinicId> registryClinics(AccountView account) {
        var found = new LinkedHashSet<ClinicId>();
        account.roles().stream()
                .filter(grant -> grant.role() == Role.REGISTRAR && grant.clinic() != null)
                .map(RoleGrant::clinic)
                .forEach(found::add);
        if (account.roles().stream().anyMatch(grant -> grant.role() == Role.CLINIC_ADMIN)) {
            var asAdministrator = new SignedInUser(
                    account.userId(),
                    account.firstName(),
                    null,
                    List.of(new RoleGrant(Role.CLINIC_ADMIN, null)),
                    "CLINIC_CARE");
            clinics.administered(asAdministrator).forEach(clinic -> found.add(clinic.id()));
        }
        return found;
    }
}
