package org.medkarta.clinic;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.identity.StaffAccounts;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting up a clinic (SPEC B1, A8; seed 000): registering it with its profile, INN and OGRN
 * checked, changing the profile and logo, and inviting its administrators by e-mail (an existing
 * account just gets the role). Only the clinic's administrators and platform administrators reach a
 * clinic here; any other clinic answers {@link NotFound}.
 */
@Service
public class ClinicSetUp {

    private final Clinics clinics;
    private final Images images;
    private final StaffAccounts identity;
    private final ClinicAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClinicSetUp(
            Clinics clinics,
            Images images,
            StaffAccounts identity,
            ClinicAccess access,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clinics = clinics;
        this.images = images;
        this.identity = identity;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a clinic and invites its administrators by e-mail (an existing account just gets
     * the role). A clinic administrator who registers a clinic administers it at once.
     *
     * @throws InvalidInput naming every wrong field, INN and OGRN checksums included
     */
    @Transactional
    public ClinicView register(
            SignedInUser actor, ClinicForm form, List<StaffInvitation> administrators, String linkBase, Locale locale) {
        if (actor == null || !(actor.has(Role.PLATFORM_ADMIN) || actor.has(Role.CLINIC_ADMIN))) {
            throw ClinicRefusal.forbidden();
        }
        var errors = new FieldErrors();
        var profile = profile(form, errors);
        var invitations = administrators == null ? List.<StaffInvitation>of() : administrators;
        for (int i = 0; i < invitations.size(); i++) {
            Fields.invitation(invitations.get(i), "administrators[" + i + "].", errors);
        }
        errors.throwIfAny();
        var id = new ClinicId(UUID.randomUUID());
        var now = clock.instant();
        clinics.insert(id, profile, now);
        if (!actor.has(Role.PLATFORM_ADMIN)) {
            clinics.addAdmin(id, actor.userId());
        }
        for (var invitation : invitations) {
            addAdministrator(id, invitation, linkBase, locale);
        }
        events.publishEvent(new ClinicRegistered(id, profile.name(), profile.region(), actor.userId(), now));
        return clinics.find(id).orElseThrow();
    }

    /** Changes a clinic's profile. */
    @Transactional
    public ClinicView update(SignedInUser actor, ClinicId clinic, ClinicForm form) {
        access.administer(actor, clinic);
        var errors = new FieldErrors();
        var profile = profile(form, errors);
        errors.throwIfAny();
        clinics.update(clinic, profile);
        return clinics.find(clinic).orElseThrow();
    }

    /** A clinic's whole profile, for its administrators. */
    @Transactional(readOnly = true)
    public ClinicView clinic(SignedInUser actor, ClinicId clinic) {
        access.administer(actor, clinic);
        return clinics.find(clinic).orElseThrow(NotFound::new);
    }

    /** Invites one more administrator of a clinic by e-mail (SPEC A8). */
    @Transactional
    public void inviteAdministrator(
            SignedInUser actor, ClinicId clinic, StaffInvitation invitation, String linkBase, Locale locale) {
        access.administer(actor, clinic);
        var errors = new FieldErrors();
        Fields.invitation(invitation, "", errors);
        errors.throwIfAny();
        addAdministrator(clinic, invitation, linkBase, locale);
    }

    /**
     * Sets the clinic's logo.
     *
     * @throws InvalidInput {@code logo} unless a PNG or JPEG (by content) of at most 1 MB
     */
    @Transactional
    public void setLogo(SignedInUser actor, ClinicId clinic, byte[] content) {
        access.administer(actor, clinic);
        images.put(clinic.value(), Uploads.picture(content, "logo"));
    }

    private void addAdministrator(ClinicId clinic, StaffInvitation invitation, String linkBase, Locale locale) {
        UserId user = identity.invite(
                invitation.email(),
                invitation.lastName(),
                invitation.firstName(),
                invitation.patronymic(),
                Role.CLINIC_ADMIN,
                clinic,
                linkBase,
                locale);
        clinics.addAdmin(clinic, user);
    }

    private Clinics.Profile profile(ClinicForm form, FieldErrors errors) {
        String name = Fields.text(form.name(), "name", 300, true, errors);
        String inn = Fields.text(form.inn(), "inn", 20, true, errors);
        if (inn != null && !LegalNumbers.innValid(inn)) {
            errors.reject("inn", "clinic.validation.inn");
        }
        String ogrn = Fields.text(form.ogrn(), "ogrn", 20, true, errors);
        if (ogrn != null && !LegalNumbers.ogrnValid(ogrn)) {
            errors.reject("ogrn", "clinic.validation.ogrn");
        }
        String licenseNumber = Fields.text(form.licenseNumber(), "licenseNumber", 100, false, errors);
        LocalDate licenseDate = Fields.pastDate(form.licenseDate(), "licenseDate", LocalDate.now(clock), errors);
        String region = Fields.text(form.region(), "region", 2, true, errors);
        if (region != null && !Regions.known(region)) {
            errors.reject("region", "clinic.validation.region");
        }
        String address = Fields.text(form.address(), "address", 500, true, errors);
        String timezone = Fields.timezone(form.timezone(), "timezone", true, errors);
        String phone = Fields.contactPhone(form.phone(), "phone", true, errors);
        String phoneExtra = Fields.text(form.phoneExtra(), "phoneExtra", 100, false, errors);
        Email email = errors.check(() -> Email.parse(form.email(), "email"));
        String site = Fields.site(form.site(), "site", errors);
        String description = Fields.text(form.description(), "description", 5000, false, errors);
        Double latitude = Fields.degrees(form.latitude(), "latitude", 90, errors);
        Double longitude = Fields.degrees(form.longitude(), "longitude", 180, errors);
        boolean latitudeGiven = form.latitude() != null && !form.latitude().isBlank();
        boolean longitudeGiven = form.longitude() != null && !form.longitude().isBlank();
        if (latitudeGiven != longitudeGiven) {
            errors.reject(latitudeGiven ? "longitude" : "latitude", "clinic.validation.position-whole");
        }
        return new Clinics.Profile(
                name,
                inn,
                ogrn,
                licenseNumber,
                licenseDate,
                region,
                address,
                timezone,
                phone,
                phoneExtra,
                email == null ? null : email.address(),
                site,
                description,
                latitude,
                longitude);
    }
}
