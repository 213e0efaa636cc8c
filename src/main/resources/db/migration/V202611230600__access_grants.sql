-- Delegated access (SPEC F1, F2; seed 001 "Управление доступом к ЭМК"): a patient (or their legal
-- representative) grants a relative or an authorised person access at a level. The grantee is known
-- by phone or e-mail until they accept; then by their account. Rows are never deleted: a revoked
-- grant keeps when and by whom it was revoked.
CREATE TABLE access_grant (
    id                UUID                     NOT NULL PRIMARY KEY,
    patient_id        UUID                     NOT NULL,
    granted_by        UUID                     NOT NULL,
    grantee_name      VARCHAR(200),
    grantee_phone     VARCHAR(16),
    grantee_email     VARCHAR(254),
    grantee_user_id   UUID,
    level             VARCHAR(20)              NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    invited_at        TIMESTAMP WITH TIME ZONE,
    accepted_at       TIMESTAMP WITH TIME ZONE,
    terms_version     VARCHAR(40),
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revoked_by        UUID
);
CREATE INDEX access_grant_by_patient_idx ON access_grant (patient_id, status);
CREATE INDEX access_grant_by_grantee_idx ON access_grant (grantee_user_id, status);

-- One-time codes that confirm a change of rights (seed 001: "Подтвердить действие с помощью
-- одноразового кода"): one live code per grant and purpose, kept only as a salted hash.
CREATE TABLE access_code (
    grant_id    UUID                     NOT NULL,
    purpose     VARCHAR(20)              NOT NULL,
    user_id     UUID                     NOT NULL,
    level       VARCHAR(20),
    code_hash   VARCHAR(64)              NOT NULL,
    code_salt   VARCHAR(32)              NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    failed      INT                      NOT NULL DEFAULT 0,
    PRIMARY KEY (grant_id, purpose)
);

-- Legal representatives (SPEC E11, F3; order 003 §23.2): a parent and a child's record. Access
-- ends by itself on the child's 15th birthday, decided at each request from the birth date; the
-- row stays as the history of who represented the child.
CREATE TABLE access_guardianship (
    id                 UUID                     NOT NULL PRIMARY KEY,
    parent_user_id     UUID                     NOT NULL,
    child_patient_id   UUID                     NOT NULL,
    basis              VARCHAR(20)              NOT NULL,
    certificate_series VARCHAR(12),
    certificate_number VARCHAR(6),
    created_by         UUID                     NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT access_guardianship_once UNIQUE (parent_user_id, child_patient_id)
);
CREATE INDEX access_guardianship_by_child_idx ON access_guardianship (child_patient_id);

-- Emergency openings (SPEC F4): a doctor states a reason and sees the record for a short window;
-- every access in it is flagged in the audit trail with that reason.
CREATE TABLE access_emergency (
    id          UUID                     NOT NULL PRIMARY KEY,
    user_id     UUID                     NOT NULL,
    patient_id  UUID                     NOT NULL,
    reason      VARCHAR(500)             NOT NULL,
    opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    open_until  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_emergency_by_user_idx ON access_emergency (user_id, patient_id, open_until);
