-- Attachment of a patient to a clinic for a kind of care (SPEC B6, seed 002).
CREATE TABLE clinic_attachment (
    id           UUID                     NOT NULL PRIMARY KEY,
    patient_id   UUID                     NOT NULL,
    user_id      UUID                     NOT NULL,
    clinic_id    UUID                     NOT NULL REFERENCES clinic (id),
    kind         VARCHAR(20)              NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    reason       VARCHAR(1000),
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE,
    ended_at     TIMESTAMP WITH TIME ZONE,
    -- Set only while confirmed and not ended: one active attachment per patient and kind. A plain
    -- unique column instead of a partial index, which H2 does not have; NULLs never collide.
    active_key   VARCHAR(80),
    CONSTRAINT clinic_attachment_one_active_uq UNIQUE (active_key)
);
CREATE INDEX clinic_attachment_by_patient_idx ON clinic_attachment (patient_id);
CREATE INDEX clinic_attachment_by_clinic_idx ON clinic_attachment (clinic_id, status);

-- "Нужна помощь" requests and callback orders (SPEC B7).
CREATE TABLE clinic_support_request (
    id             UUID                     NOT NULL PRIMARY KEY,
    kind           VARCHAR(20)              NOT NULL,
    clinic_id      UUID REFERENCES clinic (id),
    user_id        UUID,
    name           VARCHAR(200),
    email          VARCHAR(254),
    phone          VARCHAR(16),
    topic          VARCHAR(300)             NOT NULL,
    text           VARCHAR(5000),
    preferred_time VARCHAR(200),
    state          VARCHAR(20)              NOT NULL,
    reply          VARCHAR(5000),
    handled_by     UUID,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX clinic_support_request_by_state_idx ON clinic_support_request (state, created_at);
