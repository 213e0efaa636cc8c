package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.NotFound;

/**
 * A doctor's emergency opening of a record (SPEC F4): it needs a stated reason, is flagged in the
 * audit trail and ends with its window.
 */
class EmergencyAccessIT extends AccessSupport {

    @Test
    void anEmergencyOpeningNeedsAReasonIsFlaggedInTheAuditAndEndsWithItsWindow() {
        var doctor = doctor(clinic());
        var patient = patient();
        String path = "/api/v1/patients/" + patient.id() + "/emergency-access";

        var noReason = postAs(doctor.token(), path, map("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(body(noReason).get("field").asString()).isEqualTo("reason");
        var tooShort = postAs(doctor.token(), path, map("reason", "срочно"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        var byPatient = postAs(patient().token(), path, map("reason", "Хочу посмотреть чужую карту"));
        assertThat(byPatient.statusCode()).isEqualTo(404);

        var opened = postAs(doctor.token(), path, map("reason", "ДТП, без сознания, группа крови неизвестна"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        var decision = access.require(doctor.user(), patient.patient(), RecordAction.VIEW);
        assertThat(decision.relation()).isEqualTo(Relation.EMERGENCY);
        assertThatThrownBy(() -> access.require(doctor.user(), patient.patient(), RecordAction.WRITE))
                .isInstanceOf(AccessRefusal.class)
                .hasMessage("clinical-entries-read-only");
        var flagged = jdbc.sql("""
                        SELECT action || ' ' || reason FROM audit_event
                        WHERE patient_id = :p AND emergency = TRUE AND outcome = 'SUCCESS' ORDER BY seq
                        """)
                .param("p", patient.patient().value())
                .query(String.class)
                .list();
        assertThat(flagged)
                .containsExactly(
                        "EMERGENCY_OPEN ДТП, без сознания, группа крови неизвестна",
                        "RECORD_VIEW ДТП, без сознания, группа крови неизвестна");

        clock.advance(Duration.ofMinutes(61));
        assertThatThrownBy(() -> access.require(doctor.user(), patient.patient(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
    }
}
