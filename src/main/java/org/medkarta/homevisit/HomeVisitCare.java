package org.medkarta.homevisit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.medkarta.access.CareRelationship;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The doctor sent to a patient's home cares for them (SPEC F4): from the assignment until a week after
 * the visit, so they read the record before going and file the protocol after it.
 */
@Component
class HomeVisitCare implements CareRelationship {

    /** How long after the visit the doctor still cares for the patient. */
    static final Duration AFTER_VISIT = Duration.ofDays(7);

    private final JdbcClient jdbc;

    HomeVisitCare(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean cares(Set<DoctorId> doctors, PatientId patient, Instant now) {
        if (doctors.isEmpty() || patient == null) {
            return false;
        }
        List<java.util.UUID> ids = doctors.stream().map(DoctorId::value).toList();
        return jdbc.sql("""
                        SELECT COUNT(*) FROM home_visit
                        WHERE patient_id = :patient AND doctor_id IN (:doctors)
                          AND (state = 'ASSIGNED' OR (state = 'VISITED' AND closed_at > :since))
                        """)
                        .param("patient", patient.value())
                        .param("doctors", ids)
                        .param("since", Columns.utc(now.minus(AFTER_VISIT)))
                        .query(Long.class)
                        .single()
                > 0;
    }
}
