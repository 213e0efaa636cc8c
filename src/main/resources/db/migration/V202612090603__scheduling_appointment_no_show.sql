-- «Пациент не пришёл» (SPEC J3: no-shows): the doctor or the clinic's staff mark an appointment whose
-- time came without the patient; it stays booked (its slot is spent) and the dashboard counts it.
ALTER TABLE scheduling_appointment ADD COLUMN no_show_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE scheduling_appointment ADD COLUMN no_show_by UUID;
