package org.medkarta.consultation;

import java.time.Duration;
import java.time.Instant;
import org.medkarta.access.CareRelationship;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A paramedic (фельдшер) of a rural post who asked a doctor about a patient in front of them (seed
 * 004 «Телемедицинские консультации: врач (фельдшер)-врач») cares for that patient (SPEC F4, issue
 * 23): from the question until a week after the answer (the protocol), so they read the record while
 * the doctor looks at the case and when they act on the answer. A cancelled question gives nothing;
 * nor does a doctor's question, whose care the doctor's own relationships decide.
 */
@Component
class ParamedicQuestionCare implements CareRelationship {

    /** How long after the answer the paramedic still cares for the patient. */
    static final Duration AFTER_ANSWER = Duration.ofDays(7);

    private final JdbcClient jdbc;

    ParamedicQuestionCare(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean caresAsParamedic(UserId paramedic, PatientId patient, Instant now) {
        if (paramedic == null || patient == null) {
            return false;
        }
        return jdbc.sql("""
                        SELECT COUNT(*) FROM consultation
                        WHERE patient_id = :patient AND referring_user_id = :paramedic
                          AND referring_doctor_id IS NULL AND kind = 'DOCTOR_TO_DOCTOR'
                          AND (state IN ('NEW', 'IN_WORK') OR (state = 'CLOSED' AND closed_at > :since))
                        """)
                        .param("patient", patient.value())
                        .param("paramedic", paramedic.value())
                        .param("since", Columns.utc(now.minus(AFTER_ANSWER)))
                        .query(Long.class)
                        .single()
                > 0;
    }
}
