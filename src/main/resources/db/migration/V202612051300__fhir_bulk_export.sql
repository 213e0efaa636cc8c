-- FHIR Bulk Data export (issue 15): a clinic administrator's export jobs and the NDJSON files they
-- produce. A job is polled by its owner only; cancelling it removes its files.
CREATE TABLE fhir_export_job (
    id               UUID                     PRIMARY KEY,
    owner_id         UUID                     NOT NULL,
    clinic_id        UUID                     NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    types            VARCHAR(1000)            NOT NULL,
    since            TIMESTAMP WITH TIME ZONE,
    request_url      VARCHAR(4000)            NOT NULL,
    transaction_time TIMESTAMP WITH TIME ZONE NOT NULL,
    records_total    INTEGER,
    records_done     INTEGER                  NOT NULL DEFAULT 0,
    error            VARCHAR(2000),
    finished_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX fhir_export_job_owner ON fhir_export_job (owner_id);

-- One NDJSON file: the resources of one type, one per line, at most medkarta.fhir.bulk.resources-per-file.
CREATE TABLE fhir_export_file (
    id             UUID        PRIMARY KEY,
    job_id         UUID        NOT NULL REFERENCES fhir_export_job (id) ON DELETE CASCADE,
    resource_type  VARCHAR(64) NOT NULL,
    part           INTEGER     NOT NULL,
    resource_count INTEGER     NOT NULL,
    content        TEXT        NOT NULL
);

CREATE INDEX fhir_export_file_job ON fhir_export_file (job_id, resource_type, part);
