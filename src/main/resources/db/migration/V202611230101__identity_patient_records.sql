-- Patient records staff create for a patient who has none (SPEC C6): the sex from their documents,
-- and a contact phone that several records may share (a parent's phone for a child's record),
-- unlike the sign-in phone, which is one account's.
ALTER TABLE identity_account ADD COLUMN sex VARCHAR(6);
ALTER TABLE identity_account ADD COLUMN contact_phone VARCHAR(16);
CREATE INDEX identity_account_by_contact_phone_idx ON identity_account (contact_phone);

-- Insurance policies, part of the patient's identity data (seed 001: "сведения о полисе ОМС и ДМС,
-- включая номер и срок действия"): kind OMS or DMS; one kind and number belong to one record.
CREATE TABLE identity_policy (
    id         UUID                     NOT NULL PRIMARY KEY,
    patient_id UUID                     NOT NULL,
    kind       VARCHAR(3)               NOT NULL,
    number     VARCHAR(30)              NOT NULL,
    insurer    VARCHAR(200),
    valid_from DATE,
    valid_to   DATE,
    added_by   UUID,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_policy_number_uq UNIQUE (kind, number)
);
CREATE INDEX identity_policy_by_patient_idx ON identity_policy (patient_id);
CREATE INDEX identity_policy_by_number_idx ON identity_policy (number);
