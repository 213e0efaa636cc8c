-- Accounts of every person who signs in: patients, doctors, clinic and platform staff (SPEC A1).
CREATE TABLE identity_account (
    id                  UUID                     NOT NULL PRIMARY KEY,
    patient_id          UUID UNIQUE,
    status              VARCHAR(20)              NOT NULL,
    last_name           VARCHAR(100)             NOT NULL,
    first_name          VARCHAR(100)             NOT NULL,
    patronymic          VARCHAR(100),
    birth_date          DATE,
    phone               VARCHAR(16) UNIQUE,
    email               VARCHAR(254) UNIQUE,
    email_confirmed_at  TIMESTAMP WITH TIME ZONE,
    snils               VARCHAR(11) UNIQUE,
    esia_subject        VARCHAR(200) UNIQUE,
    password_hash       VARCHAR(200),
    failed_passwords    INT                      NOT NULL DEFAULT 0,
    locked_at           TIMESTAMP WITH TIME ZONE,
    totp_secret         VARCHAR(64),
    totp_enabled        BOOLEAN                  NOT NULL DEFAULT FALSE,
    totp_last_step      BIGINT,
    terms_version       VARCHAR(40),
    terms_accepted_at   TIMESTAMP WITH TIME ZONE,
    terms_accepted_from VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Roles; staff roles name their clinic (SPEC A1: "doctor of clinic X").
CREATE TABLE identity_role (
    id         UUID        NOT NULL PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES identity_account (id),
    role       VARCHAR(30) NOT NULL,
    clinic_id  UUID
);
CREATE INDEX identity_role_by_account_idx ON identity_role (account_id);

-- One-time sign-in codes, one row per phone (order 003, §12-14, §22). Counters and blocks live
-- here, not in memory, so they hold across restarts and nodes. The code is kept only as a hash.
CREATE TABLE identity_otp (
    phone           VARCHAR(16)              NOT NULL PRIMARY KEY,
    code_hash       VARCHAR(64),
    code_salt       VARCHAR(32),
    expires_at      TIMESTAMP WITH TIME ZONE,
    last_sent_at    TIMESTAMP WITH TIME ZONE,
    failed_attempts INT                      NOT NULL DEFAULT 0,
    blocked_until   TIMESTAMP WITH TIME ZONE
);

-- Code requests per client address, against SMS flooding.
CREATE TABLE identity_otp_request (
    id           UUID                     NOT NULL PRIMARY KEY,
    address      VARCHAR(64)              NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_otp_request_by_address_idx ON identity_otp_request (address, requested_at);

-- Single-use links: e-mail confirmation, password reset, staff invitation. Stored as hashes.
CREATE TABLE identity_link (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES identity_account (id),
    purpose    VARCHAR(20)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX identity_link_by_account_idx ON identity_link (account_id, purpose);

-- API refresh tokens, hashed; a family is one sign-in, rotated on every refresh.
CREATE TABLE identity_refresh_token (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES identity_account (id),
    family_id  UUID                     NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX identity_refresh_token_by_family_idx ON identity_refresh_token (family_id);
CREATE INDEX identity_refresh_token_by_account_idx ON identity_refresh_token (account_id);

-- The key that signs access tokens, generated on first start where none is configured.
CREATE TABLE identity_signing_key (
    id          VARCHAR(40)              NOT NULL PRIMARY KEY,
    private_key VARCHAR(4000)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Sign-in history shown to the user (SPEC A7): every attempt, with its outcome.
CREATE TABLE identity_sign_in (
    id         UUID                     NOT NULL PRIMARY KEY,
    account_id UUID,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    address    VARCHAR(64),
    user_agent VARCHAR(300),
    method     VARCHAR(20)              NOT NULL,
    outcome    VARCHAR(30)              NOT NULL
);
CREATE INDEX identity_sign_in_by_account_idx ON identity_sign_in (account_id, at);
