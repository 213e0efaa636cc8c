package org.medkarta.clinic;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.identity.StaffAccounts;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's doctors and staff (SPEC B3, A8; issues 12 and 23): doctors invited by e-mail with their
 * profiles, specialties and photos, registrars and paramedics invited as doctors are; an existing
 * account just gets the role in the clinic. Only the clinic's administrators reach its staff here,
 * except {@link #doctorsOf(ClinicId)} for modules that have already decided who may see them.
 */
@Service
public class ClinicStaff {

    private final Doctors doctors;
    private final Specialties specialties;
    private final Images images;
    private final StaffAccounts identity;
    private final ClinicAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClinicStaff(
            Doctors doctors,
            Specialties specialties,
            Images images,
            StaffAccounts identity,
            ClinicAccess access,
            ApplicationEventPublisher events,
            Clock clock) {
        this.doctors = doctors;
        this.specialties = specialties;
        this.images = images;
        this.identity = identity;
        this.access = access;
        this.events = events;
        this.clock = clock;
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
        access.administer(actor, clinic);
        var errors = new FieldErrors();
        Fields.invitation(invitation, "", errors);
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
     * Invites a doctor by e-mail: a new person gets a link to set a password, an existing account
     * gets the doctor role in this clinic; either way the doctor has a profile here at once.
     *
     * @throws ClinicRefusal {@code doctor-exists} when the person is already a doctor of this clinic
     */
    @Transactional
    public DoctorView inviteDoctor(
            SignedInUser actor, ClinicId clinic, DoctorForm form, String linkBase, Locale locale) {
        var found = access.administer(actor, clinic);
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
        var found = access.administer(actor, clinic);
        access.ownDoctor(clinic, doctor);
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
        access.administer(actor, clinic);
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
        access.administer(actor, clinic);
        return access.ownDoctor(clinic, doctor);
    }

    /**
     * Sets a doctor's photo.
     *
     * @throws InvalidInput {@code photo} unless a PNG or JPEG (by content) of at most 1 MB
     */
    @Transactional
    public void setPhoto(SignedInUser actor, ClinicId clinic, DoctorId doctor, byte[] content) {
        access.administer(actor, clinic);
        access.ownDoctor(clinic, doctor);
        images.put(doctor.value(), Uploads.picture(content, "photo"));
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
        String timezone = Fields.blankToNull(form.timezone()) == null
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
}
