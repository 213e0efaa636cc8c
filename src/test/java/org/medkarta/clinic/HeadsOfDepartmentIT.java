package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.medkarta.shared.NotFound;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link HeadsOfDepartment}: the clinic's administrators appoint and remove heads of department. */
class HeadsOfDepartmentIT extends ClinicApiSupport {

    @Autowired
    HeadsOfDepartment heads;

    @Autowired
    ClinicFacades clinics;

    @Test
    void anAdministratorAppointsADoctorHeadOnceAndRemovesThemAtOnce() {
        var clinic = TestClinics.register(clinics, "Клиника Отделений");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        var doctor = TestCare.doctor(clinics, clinic.id());
        var colleague = TestCare.doctor(clinics, clinic.id());

        assertThat(heads.of(admin, clinic.id())).isEmpty();
        heads.appoint(admin, clinic.id(), doctor.id());
        heads.appoint(admin, clinic.id(), doctor.id());
        assertThat(heads.of(admin, clinic.id())).containsExactly(doctor.id());
        assertThat(heads.heads(TestCare.signedIn(doctor), clinic.id())).isTrue();
        assertThat(heads.heads(TestCare.signedIn(colleague), clinic.id())).isFalse();

        heads.remove(admin, clinic.id(), doctor.id());
        assertThat(heads.of(admin, clinic.id())).isEmpty();
        assertThat(heads.heads(TestCare.signedIn(doctor), clinic.id())).isFalse();
        heads.remove(admin, clinic.id(), colleague.id());
        assertThat(heads.heads(null, clinic.id())).isFalse();
    }

    @Test
    void anotherClinicsAdministratorOrDoctorIsNotFound() {
        var clinic = TestClinics.register(clinics, "Клиника Своя");
        var other = TestClinics.register(clinics, "Клиника Чужая");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        var stranger = TestStaff.administrator(identity, clinics, other.id());
        var doctor = TestCare.doctor(clinics, clinic.id());
        var foreignDoctor = TestCare.doctor(clinics, other.id());

        assertThatThrownBy(() -> heads.appoint(stranger, clinic.id(), doctor.id()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> heads.of(stranger, clinic.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> heads.appoint(admin, clinic.id(), foreignDoctor.id()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> heads.appoint(TestCare.signedIn(doctor), clinic.id(), doctor.id()))
                .isInstanceOf(NotFound.class);
        assertThat(heads.of(admin, clinic.id())).isEmpty();
        assertThat(heads.heads(TestCare.signedIn(foreignDoctor), clinic.id())).isFalse();
    }
}
