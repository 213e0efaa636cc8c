-- Account closure (SPEC A9, issue 20). A closed account keeps its row and its medical record's id
-- (patient_id) for the retention period; its phone, e-mail, SNILS and ESIA subject are moved aside
-- into closed_* columns, which carry no unique constraint, so that a new registration may take them
-- while staff can still tell which phone the closed record was reached by.
ALTER TABLE identity_account ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE identity_account ADD COLUMN retain_until DATE;
ALTER TABLE identity_account ADD COLUMN closed_phone VARCHAR(16);
ALTER TABLE identity_account ADD COLUMN closed_email VARCHAR(254);
ALTER TABLE identity_account ADD COLUMN closed_snils VARCHAR(11);
CREATE INDEX identity_account_closed_phone_idx ON identity_account (closed_phone);

-- One-time codes that confirm an action on one's own account (seed 001: "Подтвердить действие с
-- помощью одноразового кода"), one live code per account and purpose, kept as a salted hash.
CREATE TABLE identity_action_code (
    account_id UUID                     NOT NULL REFERENCES identity_account (id),
    purpose    VARCHAR(20)              NOT NULL,
    code_hash  VARCHAR(64)              NOT NULL,
    code_salt  VARCHAR(32)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    failed     INT                      NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, purpose)
);
