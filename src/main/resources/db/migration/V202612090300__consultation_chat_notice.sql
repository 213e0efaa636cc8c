-- When the patient's side of a consultation was last told about a doctor's chat message (SPEC H2,
-- issue 23): at most one notice per conversation per 15 minutes. A node claims the right to tell by
-- a conditional UPDATE of this row (or the INSERT of the first one), never by reading it first, so
-- that two messages at the same instant on two nodes send one SMS.
CREATE TABLE consultation_chat_notice (
    consultation_id UUID                     NOT NULL PRIMARY KEY,
    notified_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
