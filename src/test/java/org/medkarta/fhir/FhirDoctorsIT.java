package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceView;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public directory of doctors and services through FHIR: Practitioner, PractitionerRole and
 * HealthcareService, read and searched anonymously, valid, paged.
 */
class FhirDoctorsIT extends FhirSupport {

    @Autowired
    ClinicFacades clinics;

    private record Doctor(DoctorView view, ServiceView service) {}

    private Doctor doctor(String lastName, String specialty, String serviceName) {
        var clinic = TestClinics.register(clinics, "Справочная");
        var view = TestCare.invite(
                clinics,
                TestClinics.PLATFORM,
                clinic.id(),
                TestCare.NewDoctor.THERAPIST.named(lastName, "Анна", "Ёлкина").as(specialty, "REGION"));
        var service = TestCare.addService(
                clinics, TestClinics.PLATFORM, view, serviceName, specialty, "PRIMARY", 150_050L, "REGION");
        return new Doctor(clinics.catalogue().activeDoctor(view.id()), service);
    }

    @Test
    void aDoctorIsAPractitionerReadAndFoundByNameAndIdentifierAnonymously() {
        String lastName = "Справкина" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        var doctor = doctor(lastName, "therapist", "Приём терапевта");
        String id = doctor.view().userId().value().toString();
        String profile = doctor.view().id().value().toString();

        var read = fhir(null, "Practitioner/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertValid(read.body());
        var practitioner = FHIR.newJsonParser().parseResource(Practitioner.class, read.body());
        assertThat(practitioner.getNameFirstRep().getFamily()).isEqualTo(lastName);
        assertThat(read.body()).doesNotContain(doctor.view().email());

        var byName = client(null)
                .search()
                .forResource(Practitioner.class)
                .where(Practitioner.NAME.matches().value(lastName.toLowerCase()))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(ids(byName)).containsExactly(id);
        assertValid(byName);

        var byIdentifier = fhir(null, "Practitioner?identifier=" + Systems.PRACTITIONER + "%7C" + id);
        assertThat(ids(bundle(byIdentifier))).containsExactly(id);
        assertValid(byIdentifier.body());
        assertThat(ids(bundle(fhir(null, "Practitioner?identifier=" + Systems.DOCTOR + "%7C" + profile))))
                .containsExactly(id);
        assertThat(fhir(null, "Practitioner/" + profile).statusCode())
                .as("a profile id is no person")
                .isEqualTo(404);
        assertThat(ids(bundle(fhir(null, "Practitioner?identifier=urn:other%7C" + id))))
                .isEmpty();
    }

    @Test
    void aDoctorInAClinicIsAPractitionerRoleFoundByPractitionerOrganizationAndSpecialty() {
        var doctor = doctor("Ролева", "cardiologist", "Кардиология");
        String id = doctor.view().id().value().toString();
        String clinic = doctor.view().clinicId().value().toString();

        var read = fhir(null, "PractitionerRole/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertValid(read.body());
        var role = FHIR.newJsonParser().parseResource(PractitionerRole.class, read.body());
        String person = doctor.view().userId().value().toString();
        assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/" + person);
        assertThat(role.getOrganization().getReference()).isEqualTo("Organization/" + clinic);
        assertThat(role.getSpecialtyFirstRep().getCodingFirstRep().getCode()).isEqualTo("cardiologist");
        assertThat(role.getHealthcareServiceFirstRep().getReference())
                .isEqualTo("HealthcareService/" + doctor.service().id().value());

        assertThat(ids(bundle(fhir(null, "PractitionerRole?practitioner=Practitioner/" + person))))
                .containsExactly(id);
        var byClinic = fhir(
                null,
                "PractitionerRole?organization=" + clinic + "&specialty=" + Systems.SPECIALTY + "%7Ccardiologist");
        assertThat(ids(bundle(byClinic))).containsExactly(id);
        assertValid(byClinic.body());
        assertThat(ids(bundle(fhir(null, "PractitionerRole?organization=" + clinic + "&specialty=neurologist"))))
                .isEmpty();
    }

    @Test
    void aServiceIsAHealthcareServiceWithItsFormatKindAndPrice() {
        var doctor = doctor("Услугина", "therapist", "Видеоконсультация терапевта");
        String id = doctor.service().id().value().toString();
        String clinic = doctor.view().clinicId().value().toString();

        var read = fhir(null, "HealthcareService/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertValid(read.body());
        var service = FHIR.newJsonParser().parseResource(HealthcareService.class, read.body());
        assertThat(service.getProvidedBy().getReference()).isEqualTo("Organization/" + clinic);
        var price = (Money) service.getExtensionByUrl(Systems.SERVICE_PRICE).getValue();
        assertThat(price.getValue()).isEqualByComparingTo("1500.50");
        assertThat(price.getCurrency()).isEqualTo("RUB");
        assertThat(service.getCharacteristic())
                .extracting(c -> c.getCodingFirstRep().getCode())
                .contains("video", "primary");

        var byClinic = client(null)
                .search()
                .forResource(HealthcareService.class)
                .where(HealthcareService.ORGANIZATION.hasId(clinic))
                .and(HealthcareService.NAME.matches().value("видео"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(ids(byClinic)).containsExactly(id);
        assertValid(byClinic);
        assertThat(ids(bundle(fhir(null, "HealthcareService?service-type=" + Systems.SERVICE + "%7C" + id))))
                .containsExactly(id);
        assertThat(fhir(null, "HealthcareService/" + java.util.UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void doctorSearchesArePagedWithNextLinks() {
        String lastName = "Страницева" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        for (int i = 0; i < 3; i++) {
            doctor(lastName, "therapist", "Приём");
        }
        var client = client(null);
        var first = client.search()
                .forResource(Practitioner.class)
                .where(Practitioner.NAME.matches().value(lastName))
                .count(2)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getLink(Bundle.LINK_NEXT)).isNotNull();
        var second = client.loadPage().next(first).execute();
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
        assertValid(second);
    }

    private static java.util.List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> entry.getResource().getIdElement().getIdPart())
                .toList();
    }
}
