-- Slot search walks free slots nearest first and pages with ORDER BY starts_at, id: an index in
-- exactly that order lets the database stop after one page instead of sorting every free slot
-- (bench/booking). It replaces the (status, starts_at) index.
CREATE INDEX scheduling_slot_free_idx ON scheduling_slot (status, starts_at, id);
DROP INDEX scheduling_slot_by_status_idx;
