-- The channels each user chose (SPEC H1); a user without a row gets every channel.
CREATE TABLE notification_preference (
    user_id    UUID                     NOT NULL PRIMARY KEY,
    sms        BOOLEAN                  NOT NULL,
    email      BOOLEAN                  NOT NULL,
    in_app     BOOLEAN                  NOT NULL,
    chosen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
