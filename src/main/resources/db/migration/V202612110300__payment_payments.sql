-- Paid services (SPEC B8, issue 20; seed 002: medical commissions "с указанием стоимости" and "форма
-- для безналичной оплаты"). One payment per booked appointment of a paid service: it holds the slot
-- until hold_until while the patient pays; the unique appointment_id makes its creation race-free.
CREATE TABLE payment (
    id                UUID                     NOT NULL PRIMARY KEY,
    appointment_id    UUID                     NOT NULL UNIQUE,
    patient_id        UUID                     NOT NULL,
    patient_user_id   UUID                     NOT NULL,
    clinic_id         UUID                     NOT NULL,
    service_id        UUID                     NOT NULL,
    service_name      VARCHAR(500)             NOT NULL,
    clinic_name       VARCHAR(500)             NOT NULL,
    clinic_inn        VARCHAR(12)              NOT NULL,
    amount_kopecks    BIGINT                   NOT NULL,
    state             VARCHAR(20)              NOT NULL,
    appointment_start TIMESTAMP WITH TIME ZONE NOT NULL,
    hold_until        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at           TIMESTAMP WITH TIME ZONE,
    paid_attempt      VARCHAR(64),
    closed_at         TIMESTAMP WITH TIME ZONE,
    receipt           VARCHAR(4000),
    version           INTEGER                  NOT NULL
);
CREATE INDEX payment_state_hold ON payment (state, hold_until);
CREATE INDEX payment_clinic ON payment (clinic_id, created_at);

-- Each try at the provider: created first with its idempotence key (derived from the appointment and
-- the try's number, so a retried request after a crash charges once), then given the provider's id.
CREATE TABLE payment_attempt (
    idempotence_key  VARCHAR(64)              NOT NULL PRIMARY KEY,
    payment_id       UUID                     NOT NULL REFERENCES payment (id),
    number           INTEGER                  NOT NULL,
    provider         VARCHAR(20)              NOT NULL,
    provider_id      VARCHAR(64)              UNIQUE,
    confirmation_url VARCHAR(1000),
    status           VARCHAR(20)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at       TIMESTAMP WITH TIME ZONE,
    UNIQUE (payment_id, number)
);

-- Money given back: at most one refund per charged attempt (the key is derived from it).
CREATE TABLE payment_refund (
    idempotence_key  VARCHAR(64)              NOT NULL PRIMARY KEY,
    payment_id       UUID                     NOT NULL REFERENCES payment (id),
    attempt_key      VARCHAR(64)              NOT NULL UNIQUE,
    amount_kopecks   BIGINT                   NOT NULL,
    reason           VARCHAR(30)              NOT NULL,
    status           VARCHAR(20)              NOT NULL,
    provider_id      VARCHAR(64),
    receipt          VARCHAR(4000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at          TIMESTAMP WITH TIME ZONE
);

-- A clinic's refund rule: a patient who cancels at least this many hours before the start gets the
-- whole price back, later nothing; no row: medkarta.payment.refund-cutoff.
CREATE TABLE payment_clinic_setting (
    clinic_id           UUID    NOT NULL PRIMARY KEY,
    refund_cutoff_hours INTEGER NOT NULL
);

-- The in-app test gateway (development and demos): the payments it "holds", as a provider would.
CREATE TABLE payment_test_gateway (
    id              VARCHAR(64)              NOT NULL PRIMARY KEY,
    idempotence_key VARCHAR(64)              NOT NULL UNIQUE,
    kind            VARCHAR(10)              NOT NULL,
    payment_id      VARCHAR(64),
    amount_kopecks  BIGINT                   NOT NULL,
    description     VARCHAR(500)             NOT NULL,
    return_url      VARCHAR(1000),
    status          VARCHAR(20)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
