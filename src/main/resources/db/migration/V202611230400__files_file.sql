-- Files people upload (SPEC D4, D7, E): the bytes live in the content-addressed file store under
-- sha256; this row says what they are, who uploaded them and what for.
CREATE TABLE files_file (
    id         UUID                     NOT NULL PRIMARY KEY,
    name       VARCHAR(255)             NOT NULL,
    media_type VARCHAR(127)             NOT NULL,
    size_bytes BIGINT                   NOT NULL,
    sha256     CHAR(64)                 NOT NULL,
    -- CHAT, PROTOCOL or PATIENT_UPLOAD
    purpose    VARCHAR(20)              NOT NULL,
    owner_id   UUID                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX files_file_by_sha256_idx ON files_file (sha256);
