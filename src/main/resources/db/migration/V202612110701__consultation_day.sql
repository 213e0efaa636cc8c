-- Clinic dashboards (SPEC J3, issue 19): a clinic's requests rolled up by the day of their start and
-- doctor, and its protocols by the day they were sent, for the settled days (a week and more in the
-- past), so that a year's dashboard reads a few rows per doctor and day instead of every request.
-- ConsultationFigures writes it (DashboardRollups) and reads it only for days before both
-- rolled_until and its own settled horizon. On a settled day a request still NEW is overdue and
-- missed, so new_count stands for both.
CREATE TABLE consultation_day (
    clinic_id UUID NOT NULL,
    on_day DATE NOT NULL,
    doctor_id UUID NOT NULL,
    doctor_name VARCHAR(300),
    new_count BIGINT NOT NULL,
    in_work BIGINT NOT NULL,
    closed BIGINT NOT NULL,
    cancelled BIGINT NOT NULL,
    taken BIGINT NOT NULL,
    take_seconds BIGINT NOT NULL,
    sent BIGINT NOT NULL,
    PRIMARY KEY (clinic_id, on_day, doctor_id)
);
CREATE TABLE consultation_day_rolled (
    clinic_id UUID PRIMARY KEY,
    rolled_until DATE NOT NULL,
    rolled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
