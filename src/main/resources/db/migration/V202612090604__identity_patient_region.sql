-- A patient's region (SPEC B5, issue 23): the subject of the Russian Federation they live in, by its
-- two-digit code, which services visible to a region are offered by. Unknown until the patient says.
ALTER TABLE identity_account ADD COLUMN region_code VARCHAR(2);
