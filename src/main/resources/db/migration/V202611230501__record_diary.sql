-- Self-monitoring diaries (SPEC E8): readings the patient enters, thresholds the monitoring doctor
-- sets per patient and measure, and the alerts on the doctor's desk when a reading is beyond them.
CREATE TABLE record_diary_reading (
    id          UUID                     NOT NULL PRIMARY KEY,
    patient_id  UUID                     NOT NULL REFERENCES record_patient (patient_id),
    measure     VARCHAR(20)              NOT NULL,
    -- The name of a custom measure; empty for the standard ones.
    custom_name VARCHAR(100)             NOT NULL DEFAULT '',
    value1      DECIMAL(10, 2)           NOT NULL,
    value2      DECIMAL(10, 2),
    unit        VARCHAR(20)              NOT NULL,
    measured_at TIMESTAMP WITH TIME ZONE NOT NULL,
    note        VARCHAR(500),
    entered_by  UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX record_diary_reading_by_patient_idx ON record_diary_reading (patient_id, measure, measured_at);

CREATE TABLE record_diary_threshold (
    id             UUID                     NOT NULL PRIMARY KEY,
    patient_id     UUID                     NOT NULL REFERENCES record_patient (patient_id),
    measure        VARCHAR(20)              NOT NULL,
    custom_name    VARCHAR(100)             NOT NULL DEFAULT '',
    low1           DECIMAL(10, 2),
    high1          DECIMAL(10, 2),
    low2           DECIMAL(10, 2),
    high2          DECIMAL(10, 2),
    doctor_user_id UUID                     NOT NULL,
    doctor_name    VARCHAR(200)             NOT NULL,
    set_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT record_diary_threshold_uq UNIQUE (patient_id, measure, custom_name, doctor_user_id)
);

CREATE TABLE record_diary_alert (
    id              UUID                     NOT NULL PRIMARY KEY,
    patient_id      UUID                     NOT NULL REFERENCES record_patient (patient_id),
    reading_id      UUID                     NOT NULL REFERENCES record_diary_reading (id),
    threshold_id    UUID                     NOT NULL REFERENCES record_diary_threshold (id),
    doctor_user_id  UUID                     NOT NULL,
    detail          VARCHAR(300)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT record_diary_alert_uq UNIQUE (reading_id, threshold_id)
);
CREATE INDEX record_diary_alert_by_doctor_idx ON record_diary_alert (doctor_user_id, created_at);
