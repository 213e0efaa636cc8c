package org.medkarta.homevisit;

import java.util.List;
import java.util.Optional;
import org.medkarta.access.AccessRefusal;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * Who a person is to a home visit: the patient's side (the access module decides who acts for the
 * patient), the registry of the visit's clinic (its registrars and administrators, read from their
 * account, not their sign-in), or its doctor. Anyone else is told the visit does not exist.
 */
@Component
class VisitParties {

    private final RecordAccess access;
    private final ClinicCatalogue clinics;
    private final ClinicAdministrators clinicAdministrators;
    private final AccountDirectory identity;

    VisitParties(
            RecordAccess access,
            ClinicCatalogue clinics,
            ClinicAdministrators clinicAdministrators,
            AccountDirectory identity) {
        this.access = access;
        this.clinics = clinics;
        this.clinicAdministrators = clinicAdministrators;
        this.identity = identity;
    }

    /**
     * Requires that the person may act for the patient (the patient, a parent of a child under 15, a
     * FULL grantee); audited by the access module.
     *
     * @throws NotFound otherwise
     */
    void requireActsFor(SignedInUser actor, PatientId patient) {
        try {
            access.require(actor, patient, RecordAction.ACT_FOR);
        } catch (AccessRefusal readerOnly) {
            // As booking answers (scheduling): someone who may only read the record (a VIEW
            // grantee, a caring doctor) learns nothing of the patient's home visits either.
            throw new NotFound();
        }
    }

    boolean actsFor(SignedInUser actor, PatientId patient) {
        if (actor == null || !actor.has(Role.PATIENT)) {
            return false;
        }
        try {
            requireActsFor(actor, patient);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    /** Registrars and administrators of the clinic. */
    boolean registryOf(SignedInUser actor, ClinicId clinic) {
        if (actor == null || clinic == null) {
            return false;
        }
        if (actor.has(Role.CLINIC_ADMIN) && clinicAdministrators.administers(actor, clinic)) {
            return true;
        }
        return actor.has(Role.REGISTRAR) && registrarClinics(actor).contains(clinic);
    }

    /** The clinics whose registry the person works in, for the queue's entry page. */
    List<ClinicId> registries(SignedInUser actor) {
        if (actor == null) {
            return List.of();
        }
        var found = new java.util.LinkedHashSet<ClinicId>();
        if (actor.has(Role.CLINIC_ADMIN)) {
            clinicAdministrators.administered(actor).forEach(clinic -> found.add(clinic.id()));
        }
        if (actor.has(Role.REGISTRAR)) {
            found.addAll(registrarClinics(actor));
        }
        return List.copyOf(found);
    }

    private List<ClinicId> registrarClinics(SignedInUser actor) {
        return identity.account(actor.userId())
                .map(account -> account.roles().stream()
                        .filter(grant -> grant.role() == Role.REGISTRAR && grant.clinic() != null)
                        .map(RoleGrant::clinic)
                        .distinct()
                        .toList())
                .orElse(List.of());
    }

    /** The person's active doctor profiles. */
    List<DoctorView> doctorProfiles(SignedInUser actor) {
        if (actor == null || !actor.has(Role.DOCTOR)) {
            return List.of();
        }
        return clinics.profilesOf(actor.userId()).stream()
                .filter(DoctorView::active)
                .toList();
    }

    Optional<DoctorView> doctorOf(SignedInUser actor, Visits.Row visit) {
        return visit.doctorId() == null
                ? Optional.empty()
                : doctorProfiles(actor).stream()
                        .filter(profile -> profile.id().equals(visit.doctorId()))
                        .findFirst();
    }

    /** The registry of the visit's clinic, its doctor or the patient's side; anyone else 404. */
    void requireReader(SignedInUser actor, Visits.Row visit) {
        if (registryOf(actor, visit.clinicId()) || doctorOf(actor, visit).isPresent()) {
            return;
        }
        requireActsFor(actor, visit.patientId());
    }

    HomeVisitView view(Visits.Row row) {
        String patientName = identity.patient(row.patientId())
                .map(account -> account.patronymic() == null
                        ? account.lastName() + " " + account.firstName()
                        : account.lastName() + " " + account.firstName() + " " + account.patronymic())
                .orElse("—");
        var card = clinics.card(row.clinicId());
        String doctorName = row.doctorId() == null
                ? null
                : clinics.doctor(row.doctorId()).map(DoctorView::fullName).orElse(null);
        return new HomeVisitView(
                row.id(),
                row.patientId(),
                patientName,
                row.clinicId(),
                card.name(),
                clinics.timezone(row.clinicId()),
                row.address(),
                row.reason(),
                row.temperature(),
                row.phone(),
                row.day(),
                row.state(),
                row.askedAt(),
                row.doctorId(),
                doctorName,
                row.windowFrom(),
                row.windowTo(),
                row.closedAt(),
                row.complaints(),
                row.examination(),
                row.diagnosisCode(),
                row.diagnosisName(),
                row.recommendations(),
                row.recordEntryId());
    }
}
