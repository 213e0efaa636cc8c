package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a patient's region comes from (SPEC B5, issue 23, docs/adr/0017): the registration form, the
 * patient's own change, and ESIA's claims at sign-in, which fill an unknown region, follow ESIA's
 * earlier one, and replace the patient's only with data ESIA updated after the patient set theirs.
 */
class PatientRegionsIT extends ApiSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    PatientRegions regions;

    @Autowired
    JdbcClient jdbc;

    private final ClientInfo client = new ClientInfo("127.0.0.1", "test");

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theRegistrationKeepsTheRegionChosenAndRefusesOneNotInTheList() {
        String phone = Phones.unique();
        var created = register(phone, "16");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var patient =
                new PatientId(UUID.fromString(body(created).get("patientId").asString()));
        assertThat(regions.of(patient)).contains("16");
        assertThat(regions.sourceOf(patient)).contains("PATIENT");

        var unknown = register(Phones.unique(), "99");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(body(unknown).get("field").asString()).isEqualTo("region");

        var none = register(Phones.unique(), "");
        assertThat(none.statusCode()).isEqualTo(201);
        assertThat(regions.of(new PatientId(
                        UUID.fromString(body(none).get("patientId").asString()))))
                .isEmpty();
    }

    @Test
    void esiaFillsAnUnknownRegionAndReplacesThePatientsOnlyWithDataUpdatedLater() {
        String phone = Phones.unique();
        String subject = "esia-" + UUID.randomUUID();
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        clock.freezeAt(now);

        // First sign-in: the account is created, its region from the address claim's name.
        identity.signIn().linkEsia(claims(subject, phone, "Республика Татарстан", null), client);
        var patient = identity.accounts().findPatients(phone).get(0).patientId();
        assertThat(regions.of(patient)).contains("16");
        assertThat(regions.sourceOf(patient)).contains("ESIA");

        // ESIA's own region moves with ESIA, whatever its time.
        identity.signIn().linkEsia(claims(subject, phone, "02", null), client);
        assertThat(regions.of(patient)).contains("02");

        // The patient says Moscow; ESIA's older data and data of no time leave it.
        clock.freezeAt(now.plus(Duration.ofDays(1)));
        regions.set(patient, "77");
        identity.signIn().linkEsia(claims(subject, phone, "16", now), client);
        identity.signIn().linkEsia(claims(subject, phone, "16", null), client);
        assertThat(regions.of(patient)).contains("77");
        assertThat(regions.sourceOf(patient)).contains("PATIENT");

        // A region no subject has is ignored; the sign-in goes on.
        assertThat(identity.signIn().linkEsia(claims(subject, phone, "Атлантида", null), client))
                .isEqualTo(phone);
        assertThat(regions.of(patient)).contains("77");

        // ESIA's data updated after the patient's word replace it.
        identity.signIn().linkEsia(claims(subject, phone, "16", now.plus(Duration.ofDays(2))), client);
        assertThat(regions.of(patient)).contains("16");
        assertThat(regions.sourceOf(patient)).contains("ESIA");
    }

    @Test
    void aRegionSetBeforeItsSourceWasKeptIsThePatientsAndEsiaNeverReplacesIt() {
        String phone = Phones.unique();
        String subject = "esia-" + UUID.randomUUID();
        identity.signIn().linkEsia(claims(subject, phone, null, null), client);
        var patient = identity.accounts().findPatients(phone).get(0).patientId();
        assertThat(regions.of(patient)).isEmpty();
        jdbc.sql("UPDATE identity_account SET region_code = '50', region_source = NULL, region_set_at = NULL"
                        + " WHERE patient_id = :patient")
                .param("patient", patient.value())
                .update();

        identity.signIn().linkEsia(claims(subject, phone, "16", Instant.parse("2030-01-01T00:00:00Z")), client);
        assertThat(regions.of(patient)).contains("50");
    }

    @Test
    void aClaimNamesARegionByCodeOrByNameInAnyCase() {
        assertThat(PatientRegions.parse("77")).contains("77");
        assertThat(PatientRegions.parse(" республика татарстан ")).contains("16");
        assertThat(PatientRegions.parse("Республика Северная Осетия - Алания")).contains("15");
        assertThat(PatientRegions.parse("Орёл")).isEmpty();
        assertThat(PatientRegions.parse("00")).isEmpty();
        assertThat(PatientRegions.parse(null)).isEmpty();
    }

    private static EsiaClaims claims(String subject, String phone, String region, Instant updatedAt) {
        return new EsiaClaims(subject, "Регионова", "Дарья", null, "1985-04-04", null, phone, null, region, updatedAt);
    }

    private java.net.http.HttpResponse<String> register(String phone, String region) {
        return post(
                "/api/v1/patients/register",
                Map.of(
                        "lastName",
                        "Регионова",
                        "firstName",
                        "Дарья",
                        "phone",
                        phone,
                        "birthDate",
                        "1985-04-04",
                        "email",
                        "region-" + UUID.randomUUID() + "@example.ru",
                        "termsVersion",
                        identity.registration().termsVersion(),
                        "region",
                        region));
    }
}
