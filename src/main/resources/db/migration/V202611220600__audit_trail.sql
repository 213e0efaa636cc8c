-- The audit trail (SPEC G1-G2): append-only, each entry carrying the hash of the one before, so
-- that a changed or removed entry breaks the chain where it was touched.
CREATE TABLE audit_event (
    seq         BIGINT                   NOT NULL PRIMARY KEY,
    id          UUID                     NOT NULL UNIQUE,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    UUID,
    actor_role  VARCHAR(30)              NOT NULL,
    patient_id  UUID,
    action      VARCHAR(60)              NOT NULL,
    resource    VARCHAR(200),
    outcome     VARCHAR(30)              NOT NULL,
    address     VARCHAR(64),
    reason      VARCHAR(500),
    emergency   BOOLEAN                  NOT NULL DEFAULT FALSE,
    prev_hash   VARCHAR(64)              NOT NULL,
    hash        VARCHAR(64)              NOT NULL
);
CREATE INDEX audit_event_by_patient_idx ON audit_event (patient_id, seq);
CREATE INDEX audit_event_by_actor_idx ON audit_event (actor_id, seq);

-- The head of the chain, locked by each append so that entries line up one after another.
CREATE TABLE audit_head (
    id        INT         NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
