-- The bot's housekeeping deletes handled updates and reminders by age (TelegramHousekeeping).
CREATE INDEX messenger_telegram_update_received_idx ON messenger_telegram_update (received_at);
CREATE INDEX messenger_telegram_reminder_starts_idx ON messenger_telegram_reminder (starts_at);
CREATE INDEX messenger_link_code_expires_idx ON messenger_link_code (expires_at);
