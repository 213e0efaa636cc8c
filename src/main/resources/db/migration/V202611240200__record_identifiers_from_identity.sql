-- One source of truth for SNILS and insurance policies (issue 7, SPEC E1/E7): identity keeps them
-- (identity_account.snils, identity_policy), the record shows them and logs who changed them and why
-- (record_patient_change keeps every old and new value, so nothing entered is lost).

-- A policy number may now be held by two records, which are then flagged for staff (E7) instead of
-- one of them being refused: a clinician records what the patient's document says.
ALTER TABLE identity_policy DROP CONSTRAINT identity_policy_number_uq;
CREATE INDEX identity_policy_by_kind_number_idx ON identity_policy (kind, number);

-- SNILS the record held, moved into the account when it has none and no other record holds it
-- (a SNILS names one person: ESIA links accounts by it). Values left behind stay in the history.
UPDATE identity_account
SET snils = (SELECT rp.snils FROM record_patient rp WHERE rp.patient_id = identity_account.patient_id)
WHERE snils IS NULL
  AND patient_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM record_patient rp
              WHERE rp.patient_id = identity_account.patient_id
                AND rp.snils IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM identity_account other WHERE other.snils = rp.snils)
                AND NOT EXISTS (SELECT 1 FROM record_patient twin
                                WHERE twin.snils = rp.snils AND twin.patient_id <> rp.patient_id));

-- OMS policies the record held become identity policies (one per record, so the record's id serves
-- as the policy's), unless the patient already has that very policy.
INSERT INTO identity_policy (id, patient_id, kind, number, insurer, valid_from, valid_to, added_by, added_at)
SELECT rp.patient_id, rp.patient_id, 'OMS', rp.oms_number, rp.oms_insurer, NULL, rp.oms_valid_to, NULL, rp.updated_at
FROM record_patient rp
WHERE rp.oms_number IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM identity_policy p
                  WHERE p.patient_id = rp.patient_id AND p.kind = 'OMS' AND p.number = rp.oms_number);

DROP INDEX record_patient_by_snils_idx;
DROP INDEX record_patient_by_oms_idx;
ALTER TABLE record_patient DROP COLUMN snils;
ALTER TABLE record_patient DROP COLUMN oms_number;
ALTER TABLE record_patient DROP COLUMN oms_insurer;
ALTER TABLE record_patient DROP COLUMN oms_valid_to;
