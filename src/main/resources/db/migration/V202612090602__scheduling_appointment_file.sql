-- Files a patient attaches to an appointment after booking it (issue 23, seed 001: «При
-- необходимости загрузите требуемые документы (направление, результаты обследований) через кнопку
-- «Прикрепить файл»»): a referral, earlier results. The bytes live in the files module.
CREATE TABLE scheduling_appointment_file (
    id             UUID                     NOT NULL PRIMARY KEY,
    appointment_id UUID                     NOT NULL REFERENCES scheduling_appointment (id),
    file_id        UUID                     NOT NULL,
    name           VARCHAR(255)             NOT NULL,
    media_type     VARCHAR(100)             NOT NULL,
    size_bytes     BIGINT                   NOT NULL,
    added_by       UUID                     NOT NULL,
    added_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scheduling_appointment_file_by_appointment_idx ON scheduling_appointment_file (appointment_id, added_at);
