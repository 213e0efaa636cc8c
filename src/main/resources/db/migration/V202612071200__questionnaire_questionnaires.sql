-- Clinic questionnaires (анкеты, SPEC E9, issue 17), modelled close to FHIR Questionnaire and
-- QuestionnaireResponse.
--
-- A series is one questionnaire as the clinic knows it; each of its versions is a row of
-- questionnaire_version, draft, published or retired. Editing a published version makes a new
-- draft, so a response always points at the exact version (and items) it answered.
CREATE TABLE questionnaire_series (
    id          UUID                     PRIMARY KEY,
    clinic_id   UUID                     NOT NULL,
    open_to_all BOOLEAN                  DEFAULT FALSE NOT NULL,
    created_by  UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX questionnaire_series_clinic ON questionnaire_series (clinic_id);

CREATE TABLE questionnaire_version (
    id           UUID                     PRIMARY KEY,
    series_id    UUID                     NOT NULL REFERENCES questionnaire_series (id),
    version      INTEGER                  NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    title        VARCHAR(200)             NOT NULL,
    description  VARCHAR(2000),
    items        TEXT                     NOT NULL,
    created_by   UUID                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT questionnaire_version_once UNIQUE (series_id, version)
);

-- The services whose bookings ask the patient to fill the series' published version.
CREATE TABLE questionnaire_service (
    series_id  UUID NOT NULL REFERENCES questionnaire_series (id),
    service_id UUID NOT NULL,
    PRIMARY KEY (series_id, service_id)
);
CREATE INDEX questionnaire_service_service ON questionnaire_service (service_id);

-- A questionnaire a patient is asked to fill: for an appointment (occasion = the appointment's id)
-- or sent by the clinic (occasion 'sent'). The unique occasion makes a redelivered booking event
-- or a second sending find the same row.
CREATE TABLE questionnaire_assignment (
    id             UUID                     PRIMARY KEY,
    series_id      UUID                     NOT NULL REFERENCES questionnaire_series (id),
    patient_id     UUID                     NOT NULL,
    occasion       VARCHAR(40)              NOT NULL,
    appointment_id UUID,
    told_user_id   UUID,
    due_at         TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reminded_at    TIMESTAMP WITH TIME ZONE,
    cancelled_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT questionnaire_assignment_once UNIQUE (series_id, patient_id, occasion)
);
CREATE INDEX questionnaire_assignment_patient ON questionnaire_assignment (patient_id);
CREATE INDEX questionnaire_assignment_appointment ON questionnaire_assignment (appointment_id);

-- A patient's answers to one version. draft_key is set while the response is in progress (one
-- draft per patient, series and occasion, race-free by the unique key) and cleared on submission.
CREATE TABLE questionnaire_response (
    id               UUID                     PRIMARY KEY,
    version_id       UUID                     NOT NULL REFERENCES questionnaire_version (id),
    series_id        UUID                     NOT NULL REFERENCES questionnaire_series (id),
    patient_id       UUID                     NOT NULL,
    assignment_id    UUID,
    status           VARCHAR(20)              NOT NULL,
    answers          TEXT                     NOT NULL,
    draft_key        VARCHAR(200),
    author_user_id   UUID                     NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT questionnaire_response_one_draft UNIQUE (draft_key)
);
CREATE INDEX questionnaire_response_patient ON questionnaire_response (patient_id);
CREATE INDEX questionnaire_response_assignment ON questionnaire_response (assignment_id);
