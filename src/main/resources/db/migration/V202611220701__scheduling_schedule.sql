-- Schedule templates of doctors (SPEC C1, seed 004): the weekly pattern slots are made from.
CREATE TABLE scheduling_template (
    id           UUID                     NOT NULL PRIMARY KEY,
    doctor_id    UUID                     NOT NULL,
    clinic_id    UUID                     NOT NULL,
    name         VARCHAR(200)             NOT NULL,
    valid_from   DATE                     NOT NULL,
    valid_to     DATE                     NOT NULL,
    -- ISO day numbers, Monday = 1, comma separated: "1,2,3,4,5".
    weekdays     VARCHAR(20)              NOT NULL,
    first_start  TIME                     NOT NULL,
    last_start   TIME                     NOT NULL,
    slot_minutes INT                      NOT NULL,
    -- Breaks as "13:00-14:00", semicolon separated; empty when none.
    breaks       VARCHAR(500)             NOT NULL,
    -- The services offered in its slots: UUIDs, comma separated.
    service_ids  VARCHAR(2000)            NOT NULL,
    active       BOOLEAN                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scheduling_template_by_doctor_idx ON scheduling_template (doctor_id);

-- Bookable intervals of a doctor, times as instants (the clinic's zone is applied when made).
-- status: FREE, BOOKED or CLOSED (closed by hand). One slot per doctor and start.
CREATE TABLE scheduling_slot (
    id             UUID                     NOT NULL PRIMARY KEY,
    doctor_id      UUID                     NOT NULL,
    clinic_id      UUID                     NOT NULL,
    template_id    UUID,
    starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(10)              NOT NULL,
    service_ids    VARCHAR(2000)            NOT NULL,
    appointment_id UUID,
    CONSTRAINT scheduling_slot_doctor_start_uq UNIQUE (doctor_id, starts_at)
);
CREATE INDEX scheduling_slot_by_status_idx ON scheduling_slot (status, starts_at);
CREATE INDEX scheduling_slot_by_template_idx ON scheduling_slot (template_id);

-- Appointments (SPEC C4, C5), with their own copy of the times: a free slot may be removed when
-- its template changes, and a cancelled appointment keeps its history. active_slot_id is the slot while the appointment holds it and null
-- once cancelled: its unique constraint makes a second appointment on one slot impossible.
CREATE TABLE scheduling_appointment (
    id                  UUID                     NOT NULL PRIMARY KEY,
    slot_id             UUID                     NOT NULL,
    active_slot_id      UUID,
    patient_id          UUID                     NOT NULL,
    patient_user_id     UUID                     NOT NULL,
    doctor_id           UUID                     NOT NULL,
    clinic_id           UUID                     NOT NULL,
    service_id          UUID                     NOT NULL,
    starts_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(12)              NOT NULL,
    complaint           VARCHAR(2000),
    referral_id         UUID,
    booked_by           UUID                     NOT NULL,
    booked_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    -- When the current time was set (booked or rescheduled): reminders due before it are not sent.
    timed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled_at        TIMESTAMP WITH TIME ZONE,
    cancelled_by        UUID,
    cancelled_by_clinic BOOLEAN                  NOT NULL,
    CONSTRAINT scheduling_appointment_active_slot_uq UNIQUE (active_slot_id)
);
CREATE INDEX scheduling_appointment_by_patient_idx ON scheduling_appointment (patient_id, starts_at);
CREATE INDEX scheduling_appointment_by_doctor_idx ON scheduling_appointment (doctor_id, starts_at);
CREATE INDEX scheduling_appointment_by_status_idx ON scheduling_appointment (status, starts_at);

-- One row per patient or doctor, locked FOR UPDATE so that one patient's bookings (no overlaps)
-- and one doctor's template changes (no overlapping templates) happen one at a time.
CREATE TABLE scheduling_lock (
    owner_id UUID NOT NULL PRIMARY KEY
);

-- Referrals (SPEC C4, D): issued by doctors (the consultation module will issue them), used up by
-- one booking of the specialty or doctor they name, given back when that booking is cancelled.
CREATE TABLE scheduling_referral (
    id             UUID                     NOT NULL PRIMARY KEY,
    patient_id     UUID                     NOT NULL,
    specialty      VARCHAR(40)              NOT NULL,
    doctor_id      UUID,
    issued_by      UUID,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE,
    appointment_id UUID
);
CREATE INDEX scheduling_referral_by_patient_idx ON scheduling_referral (patient_id);

-- Reminders sent, one row per appointment, kind and appointment time: what makes them exactly once.
CREATE TABLE scheduling_reminder (
    appointment_id UUID                     NOT NULL,
    kind           VARCHAR(20)              NOT NULL,
    starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (appointment_id, kind, starts_at)
);

-- A patient's private calendar feed: the secret in its URL, revoked by replacing or deleting it.
CREATE TABLE scheduling_calendar_feed (
    patient_id UUID                     NOT NULL PRIMARY KEY,
    secret     VARCHAR(64)              NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- How far ahead a clinic opens booking ("booking opens N days ahead", SPEC C2).
CREATE TABLE scheduling_clinic_setting (
    clinic_id    UUID NOT NULL PRIMARY KEY,
    horizon_days INT  NOT NULL
);
