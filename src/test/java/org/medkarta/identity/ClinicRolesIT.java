package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ClinicRoles}: roles given and taken back in one clinic, counted at once. */
class ClinicRolesIT extends ApiSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    ClinicRoles roles;

    private UserId person() {
        return TestPatients.register(identity, "Ролев", "Роман", null, Phones.unique(), "1975-06-07")
                .userId();
    }

    @Test
    void aRoleIsGivenOnceInItsClinicAndTakenBackAtOnce() {
        var person = person();
        var clinic = new ClinicId(UUID.randomUUID());
        var other = new ClinicId(UUID.randomUUID());

        assertThat(roles.give(person, Role.REGISTRAR, clinic)).isTrue();
        assertThat(roles.give(person, Role.REGISTRAR, clinic)).isFalse();
        assertThat(roles.holds(person, Role.REGISTRAR, clinic)).isTrue();
        assertThat(roles.holds(person, Role.REGISTRAR, other)).isFalse();
        assertThat(roles.holds(person, Role.DOCTOR, clinic)).isFalse();
        assertThat(roles.holders(Role.REGISTRAR, clinic)).containsExactly(person);
        var signedIn =
                new SignedInUser(person, "Роман", null, List.of(new RoleGrant(Role.REGISTRAR, clinic)), "PASSWORD");
        assertThat(roles.clinicsOf(signedIn, Role.REGISTRAR)).containsExactly(clinic);

        assertThat(roles.withdraw(person, Role.REGISTRAR, clinic)).isTrue();
        assertThat(roles.withdraw(person, Role.REGISTRAR, clinic)).isFalse();
        assertThat(roles.holds(person, Role.REGISTRAR, clinic)).isFalse();
        assertThat(roles.holders(Role.REGISTRAR, clinic)).isEmpty();
        assertThat(roles.clinicsOf(signedIn, Role.REGISTRAR)).isEmpty();
    }

    @Test
    void anUnknownPersonGetsNoRoleAndATokenWithoutTheRoleNamesNoClinic() {
        var clinic = new ClinicId(UUID.randomUUID());
        var nobody = new UserId(UUID.randomUUID());

        assertThatThrownBy(() -> roles.give(nobody, Role.DOCTOR, clinic)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> roles.withdraw(nobody, Role.DOCTOR, clinic)).isInstanceOf(NotFound.class);
        assertThat(roles.holders(Role.DOCTOR, clinic)).isEmpty();

        var person = person();
        roles.give(person, Role.DOCTOR, clinic);
        var patientToken =
                new SignedInUser(person, "Роман", null, List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        assertThat(roles.clinicsOf(patientToken, Role.DOCTOR)).isEmpty();
        assertThat(roles.clinicsOf(null, Role.DOCTOR)).isEmpty();
    }
}
