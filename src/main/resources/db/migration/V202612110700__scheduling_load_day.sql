-- Clinic dashboards (SPEC J3, issue 19): a clinic's load rolled up by day and doctor, for the days
-- that are settled (a week and more in the past), so that a year's dashboard reads a few rows per
-- doctor and day instead of every slot. ScheduleLoad writes it (DashboardRollups, hourly, under
-- ShedLock) and reads it only for days before both rolled_until and its own settled horizon; the
-- days after those are counted from the slots as before.
CREATE TABLE scheduling_load_day (
    clinic_id UUID NOT NULL,
    on_day DATE NOT NULL,
    doctor_id UUID NOT NULL,
    booked BIGINT NOT NULL,
    free BIGINT NOT NULL,
    closed BIGINT NOT NULL,
    no_shows BIGINT NOT NULL,
    PRIMARY KEY (clinic_id, on_day, doctor_id)
);
-- The clinic's rolled-up days: every day before rolled_until has its rows (none when nothing happened).
CREATE TABLE scheduling_load_rolled (
    clinic_id UUID PRIMARY KEY,
    rolled_until DATE NOT NULL,
    rolled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
