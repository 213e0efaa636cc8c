-- The follow-up job looks for the few appointments still owed a follow-up.
CREATE INDEX scheduling_appointment_follow_up_ix ON scheduling_appointment (booked_at) WHERE followed_up_at IS NULL;
