package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.ClinicView;
import org.medkarta.clinic.DoctorView;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link RegistryIdentifiers}: a patient's policies, read by the patient and audited on every use (SPEC C6, E1). */
class RegistryIdentifiersIT extends ApiSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    org.medkarta.audit.AuditTrail audit;

    /** A doctor of a clinic, with a token. */
    record Doctor(DoctorView view, String token) {}

    /** A registered patient, with a token. */
    record Patient(Registered account, String phone, String token) {
        String id() {
            return account.patientId().value().toString();
        }
    }

    private ClinicView clinic() {
        return TestClinics.register(clinics, "Клиника");
    }

    private Doctor doctor(ClinicView clinic) {
        var doctor = TestCare.doctor(clinics, clinic.id());
        return new Doctor(doctor, TestCare.token(identity, doctor));
    }

    private Patient patient() {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Пациентов", "Пётр", null, phone, "1980-01-02");
        return new Patient(account, phone, TestPatients.tokenOf(identity, account, "Пётр"));
    }

    private HttpResponse<String> postAs(String token, String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + token);
    }

    @Test
    void everyUseOfAPatientsIdentifiersOutsideTheRecordIsAudited() {
        var doctor = doctor(clinic());
        var patient = patient();
        var stranger = patient();
        String path = "/api/v1/patients/" + patient.id() + "/policies";
        assertThat(postAs(
                                patient.token(),
                                path,
                                map(
                                        "kind",
                                        "DMS",
                                        "number",
                                        "ДМС-" + Phones.unique().substring(2)))
                        .statusCode())
                .isEqualTo(201);
        // A doctor of a clinic that does not care for the patient is refused like a stranger (issue 12).
        assertThat(getAs(doctor.token(), path).statusCode()).isEqualTo(404);
        assertThat(getAs(stranger.token(), path).statusCode()).isEqualTo(404);
        assertThat(getAs(patient.token(), path).statusCode()).isEqualTo(200);

        var entries = audit.ofPatient(java.util.UUID.fromString(patient.id()), 10);
        assertThat(entries)
                .extracting(e -> e.action() + " " + e.role() + " " + e.outcome())
                .startsWith(
                        "POLICIES_READ SELF SUCCESS",
                        "POLICIES_READ NONE NOT_FOUND",
                        "POLICIES_READ NONE NOT_FOUND",
                        "POLICY_ADDED SELF SUCCESS");
        assertThat(entries.get(1).actor()).isEqualTo(stranger.account().userId().value());
        assertThat(entries.get(2).actor()).isEqualTo(doctor.view().userId().value());
        assertThat(entries.get(2).resource()).isEqualTo("GET " + path);
        assertThat(audit.verify().intact()).isTrue();
    }
}
