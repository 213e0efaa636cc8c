-- Where a patient's region came from and when (issue 23): the patient (their registration form or
-- their record's page) or ESIA's claims at sign-in. ESIA's region replaces one the patient set only
-- when ESIA's data were updated after the patient set it (docs/adr/0017). A region set before this
-- column existed has no time and is kept as the patient's.
ALTER TABLE identity_account ADD COLUMN region_source VARCHAR(8);
ALTER TABLE identity_account ADD COLUMN region_set_at TIMESTAMP WITH TIME ZONE;
