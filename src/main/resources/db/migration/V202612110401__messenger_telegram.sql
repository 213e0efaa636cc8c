-- The Telegram bot (SPEC J4, issue 20; seed 002 «Записаться через Telegram bot»).
-- A one-time link code from the patient's account page: single use by a conditional UPDATE of
-- used_at; a new code of the same account deletes the older ones.
CREATE TABLE messenger_link_code (
    code       VARCHAR(16) PRIMARY KEY,
    user_id    UUID        NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    expires_at TIMESTAMP   NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX messenger_link_code_user ON messenger_link_code (user_id);

-- One chat per account and one account per chat; the chat's language as Telegram last told it.
CREATE TABLE messenger_telegram_link (
    user_id   UUID        PRIMARY KEY,
    chat_id   BIGINT      NOT NULL UNIQUE,
    language  VARCHAR(8)  NOT NULL,
    linked_at TIMESTAMP   NOT NULL
);

-- Updates already handled: Telegram delivers a webhook again when it got no answer in time.
CREATE TABLE messenger_telegram_update (
    update_id   BIGINT    PRIMARY KEY,
    received_at TIMESTAMP NOT NULL
);

-- Reminders the bot sent, once per appointment, kind and start.
CREATE TABLE messenger_telegram_reminder (
    appointment_id UUID        NOT NULL,
    kind           VARCHAR(40) NOT NULL,
    starts_at      TIMESTAMP   NOT NULL,
    sent_at        TIMESTAMP   NOT NULL,
    PRIMARY KEY (appointment_id, kind, starts_at)
);
