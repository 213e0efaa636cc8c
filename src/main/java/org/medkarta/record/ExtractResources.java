package org.medkarta.record;

import java.util.Optional;
import java.util.UUID;
import org.medkarta.access.RecordAction;
import org.medkarta.access.RecordResources;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/** Tells the access module whose record an extract at {@code /api/v1/extracts/{id}} is about. */
@Component
class ExtractResources implements RecordResources {

    private final ExtractJobs jobs;

    ExtractResources(ExtractJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public String prefix() {
        return "/api/v1/extracts/";
    }

    @Override
    public Optional<PatientId> recordOf(UUID id) {
        return jobs.patientOf(id);
    }

    @Override
    public RecordAction action(String method) {
        return RecordAction.DOWNLOAD;
    }
}
