-- The language a user wants their SMS, e-mails and notices in (SPEC H1, J1): 'ru' or 'en'; null
-- until they choose, which means Russian, the platform's language.
ALTER TABLE notification_preference ADD COLUMN language VARCHAR(8);
