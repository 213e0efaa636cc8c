-- Messages kept instead of sent in the default profile (the dev outbox).
CREATE TABLE notification_dev_outbox (
    id        UUID                     NOT NULL PRIMARY KEY,
    channel   VARCHAR(10)              NOT NULL,
    recipient VARCHAR(320)             NOT NULL,
    subject   VARCHAR(500),
    body      VARCHAR(20000)           NOT NULL,
    sent_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX notification_dev_outbox_by_recipient_idx ON notification_dev_outbox (recipient, sent_at);
