package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicCare;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The clinic module with the modules it uses (identity, notification): the events it publishes.
 * Identity asks the {@link ClinicCare} port, which the access module answers from appointments and
 * referrals outside this test's modules; here no clinic cares for any patient.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@Import(ClinicModuleIT.NoCare.class)
class ClinicModuleIT {

    @TestConfiguration
    static class NoCare {
        @Bean
        ClinicCare clinicCare() {
            return new ClinicCare() {
                @Override
                public boolean cares(UserId staff, PatientId patient) {
                    return false;
                }

                @Override
                public boolean keepsRegistry(UserId staff, PatientId patient) {
                    return false;
                }

                @Override
                public boolean worksAtAClinic(UserId staff) {
                    return false;
                }

                @Override
                public void registered(UserId staff, PatientId patient) {}
            };
        }
    }

    static final SignedInUser PLATFORM_ADMIN = new SignedInUser(
            new UserId(UUID.randomUUID()), "test", null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)), "TEST");

    @Autowired
    ClinicSetUp setUp;

    @Autowired
    OfferAndConsent documents;

    @Test
    void publishingAVersionAnnouncesItAndAcceptingTheCurrentOnesIsAnnouncedToo(Scenario scenario) {
        var clinic = setUp.register(
                PLATFORM_ADMIN,
                new ClinicForm(
                        "Клиника События",
                        ClinicApiSupport.validInn(),
                        ClinicApiSupport.validOgrn(),
                        null,
                        null,
                        "78",
                        "Санкт-Петербург, Невский пр., 1",
                        "Europe/Moscow",
                        "+78121234567",
                        null,
                        "spb@example.ru",
                        null,
                        null,
                        null,
                        null),
                List.of(),
                "http://localhost",
                Locale.ENGLISH);
        var patient = new PatientId(UUID.randomUUID());

        scenario.stimulate(() -> documents.publish(PLATFORM_ADMIN, clinic.id(), DocumentKind.CONSENT, "Согласие"))
                .andWaitForEventOfType(DocumentPublished.class)
                .toArriveAndVerify(published -> {
                    assertThat(published.clinic()).isEqualTo(clinic.id());
                    assertThat(published.version()).isEqualTo(1);
                });
        assertThat(documents.hasAccepted(patient, clinic.id())).isFalse();
        scenario.stimulate(() -> documents.accept(patient, clinic.id(), "10.0.0.7"))
                .andWaitForEventOfType(DocumentsAccepted.class)
                .toArriveAndVerify(accepted -> {
                    assertThat(accepted.consentVersion()).isEqualTo(1);
                    assertThat(accepted.offerVersion()).isNull();
                    assertThat(accepted.address()).isEqualTo("10.0.0.7");
                });
        assertThat(documents.hasAccepted(patient, clinic.id())).isTrue();
    }
}
