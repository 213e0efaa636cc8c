-- Record-access requests (SPEC E0; seeds 001 and 003; issue 17): a self-registered account (or a
-- parent, for a child under 15) asks a clinic to open the record the clinic keeps, proving who they
-- are with an identity document, the OMS policy and SNILS. A phone number is not proof of identity.
CREATE TABLE access_record_request (
    id                 UUID                     NOT NULL PRIMARY KEY,
    account_id         UUID                     NOT NULL,
    for_child          BOOLEAN                  NOT NULL,
    clinic_id          UUID                     NOT NULL,
    -- SUBMITTED, IN_WORK, APPROVED or REFUSED
    state              VARCHAR(16)              NOT NULL,
    -- TRUE while SUBMITTED or IN_WORK, NULL once decided: NULLs never collide in a unique key, so
    -- the constraint below admits one open request per account, person (SNILS) and clinic on both
    -- engines, and any number of decided ones.
    open_flag          BOOLEAN,
    last_name          VARCHAR(100)             NOT NULL,
    first_name         VARCHAR(100)             NOT NULL,
    patronymic         VARCHAR(100),
    birth_date         DATE                     NOT NULL,
    -- RF_PASSPORT, BIRTH_CERTIFICATE or OTHER
    document_type      VARCHAR(20)              NOT NULL,
    document_series    VARCHAR(20),
    document_number    VARCHAR(30)              NOT NULL,
    document_issued_on DATE                     NOT NULL,
    document_issuer    VARCHAR(300)             NOT NULL,
    oms_number         VARCHAR(16)              NOT NULL,
    snils              VARCHAR(11)              NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_by           UUID,
    taken_at           TIMESTAMP WITH TIME ZONE,
    decided_by         UUID,
    decided_at         TIMESTAMP WITH TIME ZONE,
    auto_approved      BOOLEAN                  NOT NULL DEFAULT FALSE,
    bound_patient_id   UUID,
    refusal_reason     VARCHAR(1000),
    CONSTRAINT access_record_request_one_open UNIQUE (account_id, clinic_id, snils, open_flag)
);
CREATE INDEX access_record_request_queue_idx ON access_record_request (clinic_id, state, submitted_at);
CREATE INDEX access_record_request_account_idx ON access_record_request (account_id, submitted_at);

-- The scans sent with a request. One upload sent to several clinics is one file with a row per
-- request. Kept as long as the law requires: there is no path that deletes them.
CREATE TABLE access_record_request_scan (
    id         UUID         NOT NULL PRIMARY KEY,
    request_id UUID         NOT NULL REFERENCES access_record_request (id),
    -- IDENTITY_DOCUMENT or OTHER
    kind       VARCHAR(20)  NOT NULL,
    file_id    UUID         NOT NULL,
    position   INT          NOT NULL
);
CREATE INDEX access_record_request_scan_request_idx ON access_record_request_scan (request_id, position);

-- An account bound by an approved request to a record the clinic keeps, which it opens as its own
-- (relation SELF). A child's request binds through access_guardianship instead (relation PARENT).
CREATE TABLE access_record_binding (
    account_id UUID                     NOT NULL,
    patient_id UUID                     NOT NULL,
    request_id UUID                     NOT NULL,
    bound_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, patient_id)
);

-- A clinic's choice to approve exact matches at once (off unless its administrator turns it on).
CREATE TABLE access_record_request_setting (
    clinic_id    UUID                     NOT NULL PRIMARY KEY,
    auto_approve BOOLEAN                  NOT NULL,
    changed_by   UUID                     NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
