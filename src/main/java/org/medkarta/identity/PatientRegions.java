package org.medkarta.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medkarta.shared.Columns;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.RussianRegions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region a patient lives in (SPEC B5, issue 23): the two-digit code of a subject of the Russian
 * Federation ({@code 77} is Moscow), which decides the services visible to a region that they are
 * offered. Unknown (none) until the patient says (at registration or on their record's page), or ESIA
 * tells it at sign-in.
 *
 * <p>Which one wins (docs/adr/0017): the region is kept with where it came from and when. ESIA's fills
 * an unknown region and replaces an earlier ESIA one; it replaces the patient's own only when ESIA says
 * its data were updated ({@code updated_at}) after the patient set theirs. A region set before the
 * source was kept counts as the patient's, of no known time, and ESIA never replaces it.
 */
@Service
public class PatientRegions {

    private static final String PATIENT = "PATIENT";
    private static final String ESIA = "ESIA";

    private final JdbcClient jdbc;
    private final Clock clock;

    PatientRegions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The patient's region, if known. */
    @Transactional(readOnly = true)
    public Optional<String> of(PatientId patient) {
        if (patient == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT region_code FROM identity_account WHERE patient_id = :patient")
                .param("patient", patient.value())
                .query((row, n) -> Optional.ofNullable(row.getString("region_code")))
                .optional()
                .flatMap(found -> found);
    }

    /**
     * Sets the patient's region as they (or whoever keeps their record for them) said it now, or forgets
     * it when {@code code} is null.
     *
     * @throws InvalidInput {@code region} unless two digits
     * @throws NotFound for an unknown patient
     */
    @Transactional
    public void set(PatientId patient, String code) {
        if (code != null && !code.matches("\\d{2}")) {
            throw new InvalidInput("region", "identity.validation.region");
        }
        int changed = jdbc.sql("""
                        UPDATE identity_account SET region_code = :code, region_source = :source, region_set_at = :at
                        WHERE patient_id = :patient
                        """)
                .param("code", code)
                .param("source", code == null ? null : PATIENT)
                .param("at", code == null ? null : Columns.utc(clock.instant()))
                .param("patient", patient.value())
                .update();
        if (changed == 0) {
            throw new NotFound();
        }
    }

    /**
     * Takes the region ESIA's claims gave at sign-in, by the rule above, in one conditional update.
     *
     * @param updatedAt when ESIA's data about the person were last updated (OIDC {@code updated_at}),
     *     or null when ESIA did not say
     * @return whether the region is now ESIA's
     */
    @Transactional
    public boolean fromEsia(PatientId patient, String code, Instant updatedAt) {
        if (patient == null || !RussianRegions.known(code)) {
            return false;
        }
        String sql = """
                UPDATE identity_account SET region_code = :code, region_source = 'ESIA', region_set_at = :at
                WHERE patient_id = :patient
                  AND (region_code IS NULL OR region_source = 'ESIA'
                """ + (updatedAt == null ? ")" : " OR (region_set_at IS NOT NULL AND region_set_at < :updated))");
        var statement = jdbc.sql(sql)
                .param("code", code)
                .param("at", Columns.utc(updatedAt != null ? updatedAt : clock.instant()))
                .param("patient", patient.value());
        if (updatedAt != null) {
            statement = statement.param("updated", Columns.utc(updatedAt));
        }
        return statement.update() > 0;
    }

    /** Where the patient's region came from: {@code PATIENT}, {@code ESIA}, or none when unknown or older. */
    @Transactional(readOnly = true)
    public Optional<String> sourceOf(PatientId patient) {
        return jdbc.sql("SELECT region_source FROM identity_account WHERE patient_id = :patient")
                .param("patient", patient.value())
                .query((row, n) -> Optional.ofNullable(row.getString("region_source")))
                .optional()
                .flatMap(found -> found);
    }

    /**
     * The region a claim names, as ESIA or a gateway in front of it may write it: a two-digit code
     * ({@code "16"}), or a region's name in Russian ({@code "Республика Татарстан"}, any case, «ё» as
     * «е»); none for anything else, which a sign-in then ignores.
     */
    static Optional<String> parse(String claim) {
        if (claim == null || claim.isBlank()) {
            return Optional.empty();
        }
        String value = claim.strip();
        if (RussianRegions.known(value)) {
            return Optional.of(value);
        }
        String wanted = normal(value);
        return RussianRegions.all().entrySet().stream()
                .filter(entry -> normal(entry.getValue()).equals(wanted))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('—', '-').replaceAll("\\s+", " ");
    }
}
