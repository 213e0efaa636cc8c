-- The walk-in electronic queue (SPEC C9, seed 002 «Дежурный врач»): a clinic opens a queue per
-- specialty or room and day with the doctors on duty; patients take numbered tickets; doctors call
-- the next one. Every state lives here, so a restart loses and skips nothing, and the queue row is
-- the lock that numbers tickets and hands each one to exactly one doctor on any node.
CREATE TABLE scheduling_walk_in_queue (
    id           UUID         NOT NULL PRIMARY KEY,
    clinic_id    UUID         NOT NULL,
    name         VARCHAR(200) NOT NULL,
    specialty    VARCHAR(100) NOT NULL,
    room         VARCHAR(40)  NOT NULL,
    queue_day    DATE         NOT NULL,
    opens_at     TIME         NOT NULL,
    closes_at    TIME         NOT NULL,
    last_number  INT          NOT NULL DEFAULT 0,
    created_by   UUID         NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scheduling_walk_in_queue_by_clinic_idx ON scheduling_walk_in_queue (clinic_id, queue_day);

CREATE TABLE scheduling_walk_in_duty (
    queue_id  UUID        NOT NULL REFERENCES scheduling_walk_in_queue (id),
    doctor_id UUID        NOT NULL,
    room      VARCHAR(40) NOT NULL,
    PRIMARY KEY (queue_id, doctor_id)
);
CREATE INDEX scheduling_walk_in_duty_by_doctor_idx ON scheduling_walk_in_duty (doctor_id);

-- status: WAITING, CALLED (with the doctor), SERVED, NO_SHOW. line_rank orders the waiting line before
-- the number: the clinic's priorities (pre-booked, privileged) give a higher rank.
CREATE TABLE scheduling_walk_in_ticket (
    id              UUID        NOT NULL PRIMARY KEY,
    queue_id        UUID        NOT NULL REFERENCES scheduling_walk_in_queue (id),
    number          INT         NOT NULL,
    patient_id      UUID        NOT NULL,
    line_rank       INT         NOT NULL DEFAULT 0,
    prebooked       BOOLEAN     NOT NULL DEFAULT FALSE,
    privileged      BOOLEAN     NOT NULL DEFAULT FALSE,
    channel         VARCHAR(20) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    taken_by        UUID,
    taken_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    called_at       TIMESTAMP WITH TIME ZONE,
    doctor_id       UUID,
    room            VARCHAR(40),
    finished_at     TIMESTAMP WITH TIME ZONE,
    wait_seconds    INT,
    service_seconds INT,
    near_told       BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT scheduling_walk_in_ticket_number_uq UNIQUE (queue_id, number)
);
CREATE INDEX scheduling_walk_in_ticket_line_idx ON scheduling_walk_in_ticket (queue_id, status, line_rank, number);
CREATE INDEX scheduling_walk_in_ticket_by_patient_idx ON scheduling_walk_in_ticket (patient_id, queue_id);
CREATE INDEX scheduling_walk_in_ticket_by_doctor_idx ON scheduling_walk_in_ticket (doctor_id, status);

-- Which waiting patients go first, per clinic: the clinic's choice (seed 002; issue 19).
CREATE TABLE scheduling_walk_in_setting (
    clinic_id        UUID    NOT NULL PRIMARY KEY,
    prebooked_first  BOOLEAN NOT NULL,
    privileged_first BOOLEAN NOT NULL
);
