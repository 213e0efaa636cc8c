-- The phone a doctor takes calls to patients on (SPEC D6, seed 004: «Аудиозвонок на телефон»): the
-- telephony gateway rings it first and then the patient, so neither sees the other's number. Not
-- the sign-in phone, and not unique: a ward's phone may serve several doctors.
ALTER TABLE identity_account ADD COLUMN call_phone VARCHAR(16);
