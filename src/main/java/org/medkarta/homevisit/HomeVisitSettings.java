package org.medkarta.homevisit;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's rules for home visit requests (issue 23), set by its administrators: the cut-off time
 * of day after which a request for the same day is no longer taken (only tomorrow is offered then).
 */
@Service
public class HomeVisitSettings {

    /** @param sameDayUntil null when same-day requests are taken all day */
    public record Settings(LocalTime sameDayUntil) {}

    private final JdbcClient jdbc;
    private final ClinicAdministrators clinics;

    HomeVisitSettings(JdbcClient jdbc, ClinicAdministrators clinics) {
        this.jdbc = jdbc;
        this.clinics = clinics;
    }

    /**
     * @throws NotFound unless the person administers the clinic
     */
    @Transactional(readOnly = true)
    public Settings settings(SignedInUser actor, ClinicId clinic) {
        requireAdministrator(actor, clinic);
        return new Settings(sameDayUntil(clinic).orElse(null));
    }

    /**
     * Sets (or, blank, clears) the same-day cut-off, {@code HH:mm}.
     *
     * @throws NotFound unless the person administers the clinic
     * @throws InvalidInput {@code sameDayUntil} not a time of day
     */
    @Transactional
    public Settings change(SignedInUser actor, ClinicId clinic, String sameDayUntil) {
        requireAdministrator(actor, clinic);
        Integer minutes = null;
        if (sameDayUntil != null && !sameDayUntil.isBlank()) {
            try {
                var time = LocalTime.parse(sameDayUntil.strip());
                minutes = time.getHour() * 60 + time.getMinute();
            } catch (DateTimeParseException malformed) {
                throw new InvalidInput("sameDayUntil", "homevisit.validation.time");
            }
        }
        int changed = jdbc.sql(
                        "UPDATE home_visit_setting SET same_day_until_minutes = :minutes WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .param("minutes", minutes)
                .update();
        if (changed == 0) {
            try {
                jdbc.sql(
                                "INSERT INTO home_visit_setting (clinic_id, same_day_until_minutes) VALUES (:clinic, :minutes)")
                        .param("clinic", clinic.value())
                        .param("minutes", minutes)
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException meanwhile) {
                // Another administrator saved at the same moment: theirs stands, as a later save would.
                return new Settings(sameDayUntil(clinic).orElse(null));
            }
        }
        return new Settings(sameDayUntil(clinic).orElse(null));
    }

    /** The clinic's same-day cut-off, read by {@link HomeVisits#ask}. */
    Optional<LocalTime> sameDayUntil(ClinicId clinic) {
        return jdbc.sql("SELECT same_day_until_minutes FROM home_visit_setting WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .query((row, n) -> {
                    int minutes = row.getInt(1);
                    return row.wasNull() ? null : LocalTime.of(minutes / 60, minutes % 60);
                })
                .optional();
    }

    private void requireAdministrator(SignedInUser actor, ClinicId clinic) {
        if (actor == null || !actor.has(Role.CLINIC_ADMIN) || !clinics.administers(actor, clinic)) {
            throw new NotFound();
        }
    }
}
