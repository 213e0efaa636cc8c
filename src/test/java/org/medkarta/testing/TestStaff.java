package org.medkarta.testing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.StaffInvitation;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;

/** Staff of a clinic for tests, invited as a clinic's administrator invites them. */
public final class TestStaff {

    private TestStaff() {}

    /** A registrar of the clinic, signed in by password: the registry keeps SNILS and policies. */
    public static SignedInUser registrar(IdentityFacades identity, ClinicId clinic) {
        return invited(identity, clinic, Role.REGISTRAR, "reg-", "Регистраторова", "Вера");
    }

    /** A paramedic (фельдшер) of one of the clinic's rural posts, signed in by password (issue 23). */
    public static SignedInUser paramedic(IdentityFacades identity, ClinicId clinic) {
        return invited(identity, clinic, Role.PARAMEDIC, "fap-", "Фельдшерова", "Анна");
    }

    private static SignedInUser invited(
            IdentityFacades identity, ClinicId clinic, Role role, String prefix, String lastName, String firstName) {
        var id = identity.staff()
                .invite(
                        prefix + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                        lastName,
                        firstName,
                        null,
                        role,
                        clinic,
                        "http://localhost",
                        Locale.ENGLISH);
        return new SignedInUser(id, firstName + " " + lastName, null, List.of(new RoleGrant(role, clinic)), "PASSWORD");
    }

    /**
     * An administrator of the clinic, invited as the platform invites one (so the clinic module
     * knows them as its administrator, not only their token's role).
     */
    public static SignedInUser administrator(IdentityFacades identity, ClinicFacades clinics, ClinicId clinic) {
        String email = "adm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        clinics.setUp()
                .inviteAdministrator(
                        TestClinics.PLATFORM,
                        clinic,
                        new StaffInvitation(email, "Админова", "Алла", null),
                        "http://localhost",
                        Locale.ENGLISH);
        var account = identity.accounts().staffAccount(email).orElseThrow();
        return new SignedInUser(
                account.userId(), "Алла Админова", null, List.of(new RoleGrant(Role.CLINIC_ADMIN, clinic)), "PASSWORD");
    }
}
