-- The medical record (SPEC E1, E2, E6, E7), modelled close to FHIR R4 so that the FHIR facade maps
-- it plainly: record_patient is Patient, record_entry is one clinical resource (Encounter and
-- Composition for protocols, Condition, Observation, DiagnosticReport, MedicationRequest,
-- Immunization, DocumentReference), record_entry_version its history (meta.versionId).

-- Who the record is about (E1). Name and birth date come from the account the patient registered;
-- SNILS and policies are entered by staff now and will come from identity later.
CREATE TABLE record_patient (
    patient_id           UUID                     NOT NULL PRIMARY KEY,
    last_name            VARCHAR(100)             NOT NULL,
    first_name           VARCHAR(100)             NOT NULL,
    patronymic           VARCHAR(100),
    birth_date           DATE,
    sex                  VARCHAR(10),
    snils                VARCHAR(11),
    oms_number           VARCHAR(16),
    oms_insurer          VARCHAR(200),
    oms_valid_to         DATE,
    actual_address       VARCHAR(500),
    registration_address VARCHAR(500),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
-- E7: two records with one SNILS or one policy are flagged for staff.
CREATE INDEX record_patient_by_snils_idx ON record_patient (snils);
CREATE INDEX record_patient_by_oms_idx ON record_patient (oms_number);

-- Extra phones and e-mails the patient adds themself (seed 002); removed ones stay, marked.
CREATE TABLE record_contact (
    id         UUID                     NOT NULL PRIMARY KEY,
    patient_id UUID                     NOT NULL REFERENCES record_patient (patient_id),
    kind       VARCHAR(10)              NOT NULL,
    contact    VARCHAR(254)             NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX record_contact_by_patient_idx ON record_contact (patient_id);

-- Every change of the patient's own data: who, when, why, what it was and became (E6).
CREATE TABLE record_patient_change (
    id          UUID                     NOT NULL PRIMARY KEY,
    patient_id  UUID                     NOT NULL REFERENCES record_patient (patient_id),
    field       VARCHAR(40)              NOT NULL,
    old_value   VARCHAR(500),
    new_value   VARCHAR(500),
    reason      VARCHAR(1000),
    author_id   UUID                     NOT NULL,
    author_name VARCHAR(200)             NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX record_patient_change_by_patient_idx ON record_patient_change (patient_id, at);

-- The current state of each entry; the columns the patient view, filters, duplicates and charts
-- need are copied out of the current version so that those read one row per entry.
CREATE TABLE record_entry (
    id             UUID                     NOT NULL PRIMARY KEY,
    patient_id     UUID                     NOT NULL REFERENCES record_patient (patient_id),
    type           VARCHAR(30)              NOT NULL,
    status         VARCHAR(20)              NOT NULL,
    version        INT                      NOT NULL,
    effective_date DATE                     NOT NULL,
    code           VARCHAR(40),
    title          VARCHAR(300)             NOT NULL,
    value_key      VARCHAR(300),
    value_num      DECIMAL(18, 4),
    unit           VARCHAR(40),
    ref_low        DECIMAL(18, 4),
    ref_high       DECIMAL(18, 4),
    flag           VARCHAR(1),
    radiology      BOOLEAN                  NOT NULL DEFAULT FALSE,
    source         VARCHAR(20)              NOT NULL,
    -- What the entry was filed from (a consultation, an upload), so a redelivered event files once.
    source_ref     VARCHAR(100),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT record_entry_source_ref_uq UNIQUE (source_ref)
);
CREATE INDEX record_entry_by_patient_idx ON record_entry (patient_id, effective_date);
CREATE INDEX record_entry_by_code_idx ON record_entry (patient_id, type, code, effective_date);

-- Each version of an entry; nothing is overwritten or deleted: a correction and "entered in
-- error" are new versions with the author and the reason.
CREATE TABLE record_entry_version (
    entry_id       UUID                     NOT NULL REFERENCES record_entry (id),
    version        INT                      NOT NULL,
    status         VARCHAR(20)              NOT NULL,
    effective_date DATE                     NOT NULL,
    code           VARCHAR(40),
    title          VARCHAR(300)             NOT NULL,
    reason         VARCHAR(1000),
    author_id      UUID                     NOT NULL,
    author_name    VARCHAR(200)             NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (entry_id, version)
);

-- The fields of one version by name (the form's fields), as the type of the entry defines them.
CREATE TABLE record_entry_field (
    entry_id UUID          NOT NULL,
    version  INT           NOT NULL,
    name     VARCHAR(40)   NOT NULL,
    content  VARCHAR(20000) NOT NULL,
    PRIMARY KEY (entry_id, version, name),
    FOREIGN KEY (entry_id, version) REFERENCES record_entry_version (entry_id, version)
);
