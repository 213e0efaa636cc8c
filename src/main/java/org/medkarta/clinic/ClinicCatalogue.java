package org.medkarta.clinic;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.medkarta.identity.PatientRegions;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public catalogue of clinics, doctors and services and who may see them (SPEC B1, B3–B5, C3):
 * what anyone may read about a clinic (its card, region, time zone, INN and logo), active doctors and
 * their services by specialty, name and clinic, and the visibility of a doctor's service to a
 * patient — the narrower of the doctor's and the service's settings (seed 004). Scheduling, the
 * catalogue pages and the other modules read the directory through it; nothing here changes data.
 */
@Service
public class ClinicCatalogue {

    private final Clinics clinics;
    private final Doctors doctors;
    private final Services services;
    private final Specialties specialties;
    private final Images images;
    private final PatientAttachments attachments;
    private final PatientRegions patientRegions;

    ClinicCatalogue(
            Clinics clinics,
            Doctors doctors,
            Services services,
            Specialties specialties,
            Images images,
            PatientAttachments attachments,
            PatientRegions patientRegions) {
        this.clinics = clinics;
        this.doctors = doctors;
        this.services = services;
        this.specialties = specialties;
        this.images = images;
        this.attachments = attachments;
        this.patientRegions = patientRegions;
    }

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

    public Optional<Picture> logo(ClinicId clinic) {
        return images.find(clinic.value());
    }

    /**
     * Active doctors for the public catalogue and the booking API: by specialty code, part of the
     * name and clinic, each optional; at most 200.
     */
    @Transactional(readOnly = true)
    public List<DoctorView> findDoctors(String specialty, String name, ClinicId clinic) {
        return doctors.search(Fields.blankToNull(specialty), Fields.blankToNull(name), clinic, 200);
    }

    /**
     * Active doctors (optionally of one specialty) who give an active service of this kind, such as
     * the consultants of doctor-to-doctor consultations: found by the query, not by filtering the
     * first page of all doctors.
     */
    @Transactional(readOnly = true)
    public List<DoctorView> findDoctorsOffering(String specialty, ServiceKind kind) {
        return doctors.search(Fields.blankToNull(specialty), null, null, kind, 200);
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
            case ATTACHED -> attachments.isAttached(patient, found.clinicId());
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
            case ATTACHED -> attachments.isAttached(patient, doctor.clinicId());
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
        return services.bookable(Fields.blankToNull(specialty), clinic, doctor, format);
    }
}
