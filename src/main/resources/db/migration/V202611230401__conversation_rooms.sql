-- Conversation rooms (SPEC D4, D5): the owning module chooses the id (a consultation's room has the
-- consultation's id). last_seq numbers the room's messages; it is taken under the room row's lock.
CREATE TABLE conversation_room (
    id        UUID                     NOT NULL PRIMARY KEY,
    title     VARCHAR(300)             NOT NULL,
    is_open   BOOLEAN                  NOT NULL,
    last_seq  BIGINT                   NOT NULL,
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at TIMESTAMP WITH TIME ZONE
);

-- Members with a role label of the owning module; read_seq is the last message they have read.
CREATE TABLE conversation_member (
    room_id      UUID                     NOT NULL REFERENCES conversation_room (id),
    user_id      UUID                     NOT NULL,
    role_label   VARCHAR(40)              NOT NULL,
    display_name VARCHAR(200)             NOT NULL,
    read_seq     BIGINT                   NOT NULL,
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX conversation_member_by_user_idx ON conversation_member (user_id);

CREATE TABLE conversation_message (
    id        UUID                     NOT NULL PRIMARY KEY,
    room_id   UUID                     NOT NULL REFERENCES conversation_room (id),
    seq       BIGINT                   NOT NULL,
    author_id UUID                     NOT NULL,
    body      VARCHAR(4000)            NOT NULL,
    sent_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_message_room_seq_uq UNIQUE (room_id, seq)
);

-- Files sent with a message; the bytes and their description are in the files module.
CREATE TABLE conversation_message_file (
    message_id UUID NOT NULL REFERENCES conversation_message (id),
    file_id    UUID NOT NULL,
    room_id    UUID NOT NULL,
    ordinal    INT  NOT NULL,
    PRIMARY KEY (message_id, file_id)
);
CREATE INDEX conversation_message_file_by_room_idx ON conversation_message_file (room_id, file_id);

-- Calls (SPEC D5): from the callee's answer until hang-up; at most one open call per room, kept by
-- taking the room row's lock before starting one. call_mode: VIDEO or AUDIO.
CREATE TABLE conversation_call (
    id         UUID                     NOT NULL PRIMARY KEY,
    room_id    UUID                     NOT NULL REFERENCES conversation_room (id),
    call_mode  VARCHAR(10)              NOT NULL,
    started_by UUID                     NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_by   UUID,
    ended_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX conversation_call_by_room_idx ON conversation_call (room_id, ended_at);
