package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ProtocolSigningPolicies}: whether a clinic's protocols are signed, and co-signed with its key. */
class ProtocolSigningPoliciesIT extends ClinicApiSupport {

    @Autowired
    ProtocolSigningPolicies policies;

    @Autowired
    ClinicFacades clinics;

    @Test
    void aClinicSignsNothingUntilItsAdministratorAsksForSignatures() {
        var clinic = TestClinics.register(clinics, "Клиника Подписей");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());

        assertThat(policies.of(clinic.id())).isEqualTo(SigningPolicy.NONE);
        assertThat(policies.of((ClinicId) null)).isEqualTo(SigningPolicy.NONE);
        var required = new SigningPolicy(true, false);
        assertThat(policies.change(admin, clinic.id(), required)).isEqualTo(required);
        assertThat(policies.of(clinic.id())).isEqualTo(required);
        assertThat(policies.of(admin, clinic.id())).isEqualTo(required);
    }

    @Test
    void coSigningNeedsTheClinicsKeyAndAnotherClinicsAdministratorFindsNothing() {
        var clinic = TestClinics.register(clinics, "Клиника Без Ключа");
        var other = TestClinics.register(clinics, "Клиника Другая");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        var stranger = TestStaff.administrator(identity, clinics, other.id());

        assertThat(policies.clinicKeyPresent(clinic.id())).isFalse();
        assertThatThrownBy(() -> policies.change(admin, clinic.id(), new SigningPolicy(true, true)))
                .isInstanceOfSatisfying(
                        ClinicRefusal.class,
                        refused -> assertThat(refused.problem()).isEqualTo("clinic-key-missing"));
        assertThatThrownBy(() -> policies.change(stranger, clinic.id(), new SigningPolicy(true, false)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> policies.of(stranger, clinic.id())).isInstanceOf(NotFound.class);
        assertThat(policies.of(clinic.id())).isEqualTo(SigningPolicy.NONE);
    }
}
