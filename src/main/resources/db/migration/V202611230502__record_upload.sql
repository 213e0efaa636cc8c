-- Files patients upload to their record (SPEC E5): the bytes live in the files module; an uploaded
-- vaccination waits here until one of the patient's doctors verifies it (then it is filed as an
-- entry) or rejects it with a reason.
CREATE TABLE record_upload (
    id               UUID                     NOT NULL PRIMARY KEY,
    patient_id       UUID                     NOT NULL REFERENCES record_patient (patient_id),
    kind             VARCHAR(20)              NOT NULL,
    file_id          UUID                     NOT NULL,
    file_name        VARCHAR(255)             NOT NULL,
    media_type       VARCHAR(100)             NOT NULL,
    size_bytes       BIGINT                   NOT NULL,
    title            VARCHAR(300)             NOT NULL,
    vaccine          VARCHAR(300),
    vaccinated_on    DATE,
    series           VARCHAR(100),
    state            VARCHAR(20)              NOT NULL,
    uploaded_by      UUID                     NOT NULL,
    uploaded_by_name VARCHAR(200)             NOT NULL,
    uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       UUID,
    decided_by_name  VARCHAR(200),
    decided_at       TIMESTAMP WITH TIME ZONE,
    reason           VARCHAR(1000),
    entry_id         UUID
);
CREATE INDEX record_upload_by_patient_idx ON record_upload (patient_id, uploaded_at);
CREATE INDEX record_upload_by_state_idx ON record_upload (state, uploaded_at);
