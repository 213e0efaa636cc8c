-- In-app notices (SPEC H1): the notification centre of one user, with what they have read.
CREATE TABLE notification_notice (
    id              UUID                     NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(200)             NOT NULL,
    user_id         UUID                     NOT NULL,
    title           VARCHAR(500)             NOT NULL,
    body            VARCHAR(5000)            NOT NULL,
    link            VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE,
    -- A retried event (the publication registry resubmits after a crash) must not repeat a notice.
    CONSTRAINT notification_notice_idempotency_key_uq UNIQUE (idempotency_key)
);

CREATE INDEX notification_notice_by_user_idx ON notification_notice (user_id, created_at);
