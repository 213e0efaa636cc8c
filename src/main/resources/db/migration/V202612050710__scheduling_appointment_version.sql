-- Every change of an appointment (a cancel, a move) counts up its version: the FHIR API's
-- Appointment.meta.versionId, ETag and If-Match (issue 14).
ALTER TABLE scheduling_appointment ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
