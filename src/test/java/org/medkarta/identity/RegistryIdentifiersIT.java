package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link RegistryIdentifiers}: a patient's policies, read by the patient and audited on every use (SPEC C6, E1). */
class RegistryIdentifiersIT extends IdentityApiSupport {

    @Autowired
    org.medkarta.audit.AuditTrail audit;

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
