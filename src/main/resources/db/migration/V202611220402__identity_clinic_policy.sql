-- A clinic's sign-in rules for its staff (SPEC A6: a clinic can make TOTP mandatory).
CREATE TABLE identity_clinic_policy (
    clinic_id     UUID    NOT NULL PRIMARY KEY,
    totp_required BOOLEAN NOT NULL
);
