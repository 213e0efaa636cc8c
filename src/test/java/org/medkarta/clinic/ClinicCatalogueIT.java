package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ClinicCatalogue}: the public catalogue of clinics, doctors, services and specialties (SPEC B5). */
class ClinicCatalogueIT extends ClinicApiSupport {

    @Autowired
    ClinicCatalogue catalogue;

    @Autowired
    ClinicFacades clinics;

    @Test
    void specialtiesComeInTheReadersLanguage() {
        var russian = get("/api/v1/specialties", "Accept-Language", "ru");
        var english = get("/api/v1/specialties?lang=en", "Accept-Language", "en");

        assertThat(russian.body()).contains("\"code\":\"cardiologist\"", "Кардиолог");
        assertThat(english.body()).contains("Cardiologist");
    }

    @Test
    void aClinicsActiveDoctorIsFoundBySpecialtyAndNameWithTheServicesTheyGive() {
        var clinic = TestClinics.register(clinics, "Клиника Каталога");
        var doctor = TestCare.doctor(clinics, clinic.id());

        assertThat(catalogue.card(clinic.id()).name()).isEqualTo(clinic.name());
        assertThat(catalogue.findDoctors("therapist", null, clinic.id()))
                .extracting(DoctorView::id)
                .containsExactly(doctor.id());
        assertThat(catalogue.findDoctors("therapist", doctor.lastName(), clinic.id()))
                .extracting(DoctorView::id)
                .containsExactly(doctor.id());
        assertThat(catalogue.findDoctors("cardiologist", null, clinic.id())).isEmpty();
        assertThat(catalogue.activeDoctor(doctor.id()).clinicId()).isEqualTo(clinic.id());
        var services = catalogue.servicesOf(doctor.id());
        assertThat(services).singleElement().satisfies(service -> {
            assertThat(service.specialty().code()).isEqualTo("therapist");
            assertThat(catalogue.service(service.id())).isPresent();
        });
        assertThat(catalogue.activeServices(clinic.id()))
                .extracting(ServiceView::id)
                .containsExactlyElementsOf(
                        services.stream().map(ServiceView::id).toList());
    }

    @Test
    void anUnknownDoctorOrServiceIsNotFoundAndAnotherClinicListsNoneOfTheDoctors() {
        var clinic = TestClinics.register(clinics, "Клиника Известная");
        var other = TestClinics.register(clinics, "Клиника Пустая");
        TestCare.doctor(clinics, clinic.id());
        var unknown = new DoctorId(UUID.randomUUID());

        assertThat(catalogue.doctor(unknown)).isEmpty();
        assertThatThrownBy(() -> catalogue.card(new ClinicId(UUID.randomUUID())))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> catalogue.activeDoctor(unknown)).isInstanceOf(NotFound.class);
        assertThat(catalogue.activeDoctorNamed("not-an-id")).isEmpty();
        assertThat(catalogue.service(new ServiceId(UUID.randomUUID()))).isEmpty();
        assertThat(catalogue.findDoctors("therapist", null, other.id())).isEmpty();
        assertThat(catalogue.activeServices(other.id())).isEmpty();
    }
}
