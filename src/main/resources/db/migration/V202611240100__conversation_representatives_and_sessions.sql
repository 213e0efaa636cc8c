-- The person a room is about (SPEC D4: "the patient, a representative with full control, the
-- doctor"): whoever may act for this patient right now (the access module decides at each request)
-- takes part in the room as the patient's side. NULL for rooms about no patient (doctor-to-doctor).
ALTER TABLE conversation_room ADD COLUMN subject_patient_id UUID;

-- A member who is in the room because they act for its subject, not because the owning module put
-- them there: re-checked at every request and frame, so a revoked grant or a 15th birthday ends it.
ALTER TABLE conversation_member ADD COLUMN delegated BOOLEAN DEFAULT FALSE NOT NULL;

-- Rooms of consultations opened before this column existed are about the consultation's patient,
-- except doctor-to-doctor ones between two doctors.
UPDATE conversation_room SET subject_patient_id = (
    SELECT c.patient_id FROM consultation c
    WHERE c.id = conversation_room.id AND (c.kind <> 'DOCTOR_TO_DOCTOR' OR c.referring_user_id IS NULL)
);

-- Live WebSocket sessions (SPEC D5): a call whose participants have no live session for a grace
-- period is ended. Each node refreshes seen_at of its own sessions, so a crashed node's sessions
-- go stale and count as gone; ended_at is set when the session closes, cleanly or not. The id is
-- the server's own (a WebSocket session id is only unique on its node).
CREATE TABLE conversation_session (
    id           UUID                     NOT NULL PRIMARY KEY,
    user_id      UUID                     NOT NULL,
    connected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX conversation_session_by_user_idx ON conversation_session (user_id);
