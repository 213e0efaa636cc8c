-- Calls to the patient's phone through a telephony gateway (SPEC D6, seed 004). The id is ours and
-- is the idempotency key of the request to the gateway and the call id its webhooks name. No phone
-- number is stored: the gateway is told both when the call is placed and nobody else ever needs them.
-- status: REQUESTED, RINGING, CONNECTED, COMPLETED, BUSY, NO_ANSWER, FAILED. answered_at is when
-- the two were bridged; with ended_at it gives the duration the consultation shows. At most one
-- call per room goes on at a time, kept by taking the room row's lock before placing one.
CREATE TABLE conversation_phone_call (
    id           UUID                     NOT NULL PRIMARY KEY,
    room_id      UUID                     NOT NULL REFERENCES conversation_room (id),
    requested_by UUID                     NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(12)              NOT NULL,
    ringing_at   TIMESTAMP WITH TIME ZONE,
    answered_at  TIMESTAMP WITH TIME ZONE,
    ended_at     TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_phone_call_by_room_idx ON conversation_phone_call (room_id, requested_at);
