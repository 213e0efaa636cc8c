-- FHIR bulk import (issue 15): a clinic moving to Medkarta brings its records as a folder of Bundle
-- JSON files or an NDJSON set. A job imports one unit (a file, or one patient's resources) at a
-- time; each unit done is a row of fhir_import_unit, so a re-run after a crash skips it.
CREATE TABLE fhir_import_job (
    id          UUID                     PRIMARY KEY,
    clinic_id   UUID                     NOT NULL,
    started_by  UUID                     NOT NULL,
    source      VARCHAR(4000)            NOT NULL,
    folder      VARCHAR(4000)            NOT NULL,
    uploaded    BOOLEAN                  NOT NULL,
    unit_kind   VARCHAR(16),
    locale      VARCHAR(16)              NOT NULL,
    state       VARCHAR(16)              NOT NULL,
    units_total INTEGER,
    units_done  INTEGER                  NOT NULL DEFAULT 0,
    resources   INTEGER                  NOT NULL DEFAULT 0,
    created     INTEGER                  NOT NULL DEFAULT 0,
    matched     INTEGER                  NOT NULL DEFAULT 0,
    duplicates  INTEGER                  NOT NULL DEFAULT 0,
    kept        INTEGER                  NOT NULL DEFAULT 0,
    refused     INTEGER                  NOT NULL DEFAULT 0,
    warnings    INTEGER                  NOT NULL DEFAULT 0,
    error       VARCHAR(2000),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX fhir_import_job_clinic ON fhir_import_job (clinic_id, started_at);

-- A unit imported (or refused as a whole): a resumed job skips it.
CREATE TABLE fhir_import_unit (
    job_id    UUID                     NOT NULL REFERENCES fhir_import_job (id) ON DELETE CASCADE,
    unit      VARCHAR(500)             NOT NULL,
    resources INTEGER                  NOT NULL,
    done_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_id, unit)
);

-- The first refusals of a job (medkarta.fhir.bulk-import.refusals-kept), each with its unit.
CREATE TABLE fhir_import_refusal (
    job_id UUID          NOT NULL REFERENCES fhir_import_job (id) ON DELETE CASCADE,
    seq    INTEGER       NOT NULL,
    unit   VARCHAR(500)  NOT NULL,
    reason VARCHAR(2000) NOT NULL,
    PRIMARY KEY (job_id, seq)
);
