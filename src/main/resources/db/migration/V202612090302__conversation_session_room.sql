-- The rooms each live WebSocket session subscribed to (issue 23): whether a person has a chat open
-- right now, on any node, so that they are not sent an SMS about a message they are reading. A row
-- goes when its session is forgotten.
CREATE TABLE conversation_session_room (
    session_id UUID NOT NULL REFERENCES conversation_session (id) ON DELETE CASCADE,
    room_id    UUID NOT NULL,
    PRIMARY KEY (session_id, room_id)
);
CREATE INDEX conversation_session_room_by_room_idx ON conversation_session_room (room_id);
