-- H2 has no partial index: free slots by doctor, status and start (PostgreSQL indexes free slots alone).
CREATE INDEX scheduling_slot_free_by_doctor_idx ON scheduling_slot (doctor_id, status, starts_at);
