-- Resources imported from other systems through FHIR (SPEC I3, issue 15). Each is kept as it came,
-- its references rewritten to Medkarta's ids, so that an export gives it back losslessly; one that
-- became a record entry names it (the entry is what pages, charts and searches use), one Medkarta
-- has no model for (a claim, a care plan, a device) is kept as an attached source document.
CREATE TABLE record_source_resource (
    id               UUID                     NOT NULL PRIMARY KEY,
    patient_id       UUID                     NOT NULL REFERENCES record_patient (patient_id),
    resource_type    VARCHAR(64)              NOT NULL,
    -- The resource's identity in the system it came from (type and id, hashed): importing the same
    -- Bundle twice finds every resource here and creates nothing (race-free by the constraint).
    source_key       VARCHAR(64)              NOT NULL,
    -- What it says (type, code, time, value; hashed): an overlapping export from another system
    -- with other ids is recognised by it (SPEC E7).
    fingerprint      VARCHAR(64)              NOT NULL,
    -- The same without the value: a new resource that differs only in its value is a possible
    -- duplicate, created and reported with a warning.
    likeness         VARCHAR(64),
    entry_id         UUID                     REFERENCES record_entry (id),
    patient_reported BOOLEAN                  NOT NULL,
    content          TEXT                     NOT NULL,
    import_id        UUID                     NOT NULL,
    imported_by      UUID                     NOT NULL,
    imported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT record_source_resource_key_uq UNIQUE (patient_id, source_key)
);
CREATE INDEX record_source_resource_by_fingerprint_idx ON record_source_resource (patient_id, fingerprint);
CREATE INDEX record_source_resource_by_likeness_idx ON record_source_resource (patient_id, likeness);
CREATE INDEX record_source_resource_by_type_idx ON record_source_resource (patient_id, resource_type);
CREATE INDEX record_source_resource_by_entry_idx ON record_source_resource (entry_id);
CREATE INDEX record_source_resource_by_key_idx ON record_source_resource (source_key);
