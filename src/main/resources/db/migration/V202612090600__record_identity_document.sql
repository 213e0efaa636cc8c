-- The patient's identity document in the record (SPEC E1): a Russian passport, a birth certificate or
-- another document, with the day it was issued and by whom. One current document; each change is in
-- record_patient_change beside the other identity data.
ALTER TABLE record_patient ADD COLUMN document_type VARCHAR(20);
ALTER TABLE record_patient ADD COLUMN document_series VARCHAR(20);
ALTER TABLE record_patient ADD COLUMN document_number VARCHAR(30);
ALTER TABLE record_patient ADD COLUMN document_issued_on DATE;
ALTER TABLE record_patient ADD COLUMN document_issuer VARCHAR(300);
