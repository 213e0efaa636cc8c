package org.medkarta.identity;

import java.util.Optional;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region a patient lives in (SPEC B5, issue 23): the two-digit code of a subject of the Russian
 * Federation ({@code 77} is Moscow), which decides the services visible to a region that they are
 * offered. Unknown (none) until the patient, or whoever keeps their record for them, says; the caller
 * has decided who may say it and that the code is a region's.
 */
@Service
public class PatientRegions {

    private final JdbcClient jdbc;

    PatientRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
     * Sets the patient's region, or forgets it when {@code code} is null.
     *
     * @throws InvalidInput {@code region} unless two digits
     * @throws NotFound for an unknown patient
     */
    @Transactional
    public void set(PatientId patient, String code) {
        if (code != null && !code.matches("\\d{2}")) {
            throw new InvalidInput("region", "identity.validation.region");
        }
        int changed = jdbc.sql("UPDATE identity_account SET region_code = :code WHERE patient_id = :patient")
                .param("code", code)
                .param("patient", patient.value())
                .update();
        if (changed == 0) {
            throw new NotFound();
        }
    }
}
