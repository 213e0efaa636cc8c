-- Clinic dashboards (SPEC J3, issue 19). A request keeps the id of the service it was booked for,
-- so that the dashboard filters by service without asking the scheduling module row by row.
ALTER TABLE consultation ADD COLUMN service_id UUID;
-- Requests opened before this column: the service of their appointment (the appointment row of
-- the same id never changes its service).
UPDATE consultation SET service_id =
    (SELECT a.service_id FROM scheduling_appointment a WHERE a.id = consultation.appointment_id);
-- A clinic's requests over a period, by start; its protocols by when they were sent (closed_at).
CREATE INDEX consultation_by_clinic ON consultation (clinic_id, starts_at);
CREATE INDEX consultation_closed_by_clinic ON consultation (clinic_id, closed_at);
