-- Home visit requests (вызов врача на дом, issue 23; seed 002: the call centre "действует и для
-- вызова врачей на дом"): a patient attached to a clinic asks for a doctor at home, the clinic's
-- registry assigns a doctor and a time window, the doctor marks the visit and writes its protocol.
-- open_day is the requested day while the request is open and NULL once it is closed, so the unique
-- constraint keeps one open request per patient and day, race-free (NULLs never collide).
CREATE TABLE home_visit (
    id                UUID                     NOT NULL PRIMARY KEY,
    patient_id        UUID                     NOT NULL,
    clinic_id         UUID                     NOT NULL,
    asked_by          UUID                     NOT NULL,
    address           VARCHAR(500)             NOT NULL,
    reason            VARCHAR(1000)            NOT NULL,
    temperature       NUMERIC(3, 1),
    phone             VARCHAR(20)              NOT NULL,
    wanted_on         DATE                     NOT NULL,
    open_day          DATE,
    state             VARCHAR(20)              NOT NULL,
    asked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    doctor_id         UUID,
    window_from       TIMESTAMP WITH TIME ZONE,
    window_to         TIMESTAMP WITH TIME ZONE,
    assigned_at       TIMESTAMP WITH TIME ZONE,
    assigned_by       UUID,
    closed_at         TIMESTAMP WITH TIME ZONE,
    closed_by         UUID,
    complaints        VARCHAR(4000),
    examination       VARCHAR(4000),
    diagnosis_code    VARCHAR(10),
    diagnosis_name    VARCHAR(500),
    recommendations   VARCHAR(4000),
    record_entry_id   UUID,
    CONSTRAINT home_visit_one_open_a_day UNIQUE (patient_id, open_day)
);
CREATE INDEX home_visit_queue_idx ON home_visit (clinic_id, state, asked_at);
CREATE INDEX home_visit_doctor_idx ON home_visit (doctor_id, wanted_on);
CREATE INDEX home_visit_patient_idx ON home_visit (patient_id, asked_at);
