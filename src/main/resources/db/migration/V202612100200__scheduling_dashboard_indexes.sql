-- Clinic dashboards (SPEC J3, issue 19): a clinic's slots and appointments over a period are read
-- by clinic and start, so that a clinic of 200 doctors and a year of slots answers by an index
-- range instead of a scan of every clinic's rows (bench/dashboard).
CREATE INDEX scheduling_slot_by_clinic_idx ON scheduling_slot (clinic_id, starts_at);
CREATE INDEX scheduling_appointment_by_clinic_idx ON scheduling_appointment (clinic_id, starts_at);
