-- Clinic dashboards (SPEC J3, issue 19; bench/dashboard). The requests of the days not yet rolled up,
-- and the protocols sent on them, are counted from the rows: the clinic's requests by start now carry
-- what the count reads (day, doctor, state, end, taken), and its requests by closing the doctor, so
-- both counts read the index alone (index-only scans). The keys are unchanged.
DROP INDEX consultation_by_clinic;
CREATE INDEX consultation_by_clinic ON consultation (clinic_id, starts_at)
    INCLUDE (starts_on, doctor_id, state, ends_at, taken_at);
DROP INDEX consultation_closed_by_clinic;
CREATE INDEX consultation_closed_by_clinic ON consultation (clinic_id, closed_at) INCLUDE (doctor_id);
