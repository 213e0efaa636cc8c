-- The transactional outbox (SPEC H3): a message is written here in the transaction of the event
-- that causes it and delivered by the dispatcher after commit, so a rolled-back event sends
-- nothing and a crash between commit and delivery loses nothing.
CREATE TABLE notification_outbox (
    id              UUID                     NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(200)             NOT NULL,
    channel         VARCHAR(10)              NOT NULL,
    recipient       VARCHAR(320)             NOT NULL,
    subject         VARCHAR(500),
    body            VARCHAR(20000)           NOT NULL,
    status          VARCHAR(10)              NOT NULL,
    attempts        INT                      NOT NULL,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_outbox_idempotency_key_uq UNIQUE (idempotency_key)
);

-- The dispatcher's query: due messages of one status, oldest first.
CREATE INDEX notification_outbox_due_idx ON notification_outbox (status, next_attempt_at);
