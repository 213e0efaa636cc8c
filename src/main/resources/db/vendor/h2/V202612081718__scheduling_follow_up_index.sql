-- H2 has no partial index: the follow-up job reads by booking time alone.
CREATE INDEX scheduling_appointment_follow_up_ix ON scheduling_appointment (booked_at);
