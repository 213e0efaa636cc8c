package org.medkarta.scheduling;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How many days ahead each clinic opens booking, where it chose. */
@Repository
class ClinicSettings {

    private final JdbcClient jdbc;

    ClinicSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> horizonDays(ClinicId clinic) {
        return jdbc.sql("SELECT horizon_days FROM scheduling_clinic_setting WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .query(Integer.class)
                .optional();
    }

    /** The horizons the clinics chose, in one query; a clinic that chose none is absent. */
    Map<ClinicId, Integer> horizonDays(Collection<ClinicId> clinics) {
        var chosen = new HashMap<ClinicId, Integer>();
        if (clinics.isEmpty()) {
            return chosen;
        }
        jdbc.sql("SELECT clinic_id, horizon_days FROM scheduling_clinic_setting WHERE clinic_id IN (:clinics)")
                .param("clinics", clinics.stream().map(ClinicId::value).toList())
                .query((row, number) ->
                        chosen.put(new ClinicId(Columns.uuid(row, "clinic_id")), row.getInt("horizon_days")))
                .list();
        return chosen;
    }

    void setHorizonDays(ClinicId clinic, int days) {
        int updated = jdbc.sql("UPDATE scheduling_clinic_setting SET horizon_days = :days WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .param("days", days)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO scheduling_clinic_setting (clinic_id, horizon_days) VALUES (:clinic, :days)")
                    .param("clinic", clinic.value())
                    .param("days", days)
                    .update();
        }
    }
}
