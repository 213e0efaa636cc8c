-- Issue 18: a booking's notices, its consultation request and its event follow its own short
-- transaction. The appointment row is the record that they are still owed: followed_up_at stays
-- NULL until the follow-up has run, and a job follows up whatever a crash left behind.
ALTER TABLE scheduling_appointment ADD COLUMN followed_up_at TIMESTAMP WITH TIME ZONE;
UPDATE scheduling_appointment SET followed_up_at = booked_at;
