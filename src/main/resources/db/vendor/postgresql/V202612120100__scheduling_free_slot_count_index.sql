-- Counting a search's free slots (FHIR Slot?specialty=, the REST slot search) reads, for each doctor
-- found, their free slots from a start on: with only the (doctor_id, starts_at) constraint each one was
-- a heap fetch to check the status (8,500 for one specialty of bench/fhir's 1,000 doctors). Free slots
-- alone, by doctor and start, count from the index (an index-only scan).
CREATE INDEX scheduling_slot_free_by_doctor_idx ON scheduling_slot (doctor_id, starts_at) WHERE status = 'FREE';
