package org.medkarta.record;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAction;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.Region;
import org.medkarta.identity.PatientRegions;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region the patient lives in (SPEC B5, issue 23), beside their addresses: the patient, a parent
 * or a full-control grantee chooses it from the regions clinics are registered in, and services
 * visible to a region are offered by it. Kept by identity, where booking reads it; each change is
 * logged in the record with the other contact data.
 */
@Service
public class LivingRegion {

    private final PatientRegions regions;
    private final ClinicCatalogue clinics;
    private final RecordFiling filing;
    private final Patients patients;
    private final Clock clock;

    LivingRegion(PatientRegions regions, ClinicCatalogue clinics, RecordFiling filing, Patients patients, Clock clock) {
        this.regions = regions;
        this.clinics = clinics;
        this.filing = filing;
        this.patients = patients;
        this.clock = clock;
    }

    /** The patient's region code, if they said. */
    @Transactional(readOnly = true)
    public Optional<String> of(AccessDecision decision) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return regions.of(decision.patient());
    }

    /** The regions to choose from, by code. */
    public List<Region> choices() {
        return clinics.regions();
    }

    /**
     * Sets the region, or forgets it when {@code code} is blank.
     *
     * @throws InvalidInput {@code region} unless the code of a region
     */
    @Transactional
    public void change(AccessDecision decision, SignedInUser actor, String code) {
        RecordRules.expect(decision, RecordAction.CONTRIBUTE);
        String chosen = code == null || code.isBlank() ? null : code.strip();
        if (chosen != null
                && choices().stream().noneMatch(region -> region.code().equals(chosen))) {
            throw new InvalidInput("region", "record.validation.region");
        }
        var patient = decision.patient();
        filing.open(patient);
        String was = regions.of(patient).orElse(null);
        if (java.util.Objects.equals(was, chosen)) {
            return;
        }
        regions.set(patient, chosen);
        patients.logChange(patient, "REGION", was, chosen, null, actor.userId(), actor.displayName(), clock.instant());
    }
}
