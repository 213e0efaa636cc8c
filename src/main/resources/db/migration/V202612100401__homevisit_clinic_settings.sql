-- A clinic's own rule for home visit requests (issue 23): the hour after which a request for the
-- same day is no longer taken (EMIAS call centres take same-day calls until a cut-off), in minutes
-- after midnight in the clinic's time zone; no row or NULL: same-day requests all day.
CREATE TABLE home_visit_setting (
    clinic_id              UUID    NOT NULL PRIMARY KEY,
    same_day_until_minutes INTEGER
);
