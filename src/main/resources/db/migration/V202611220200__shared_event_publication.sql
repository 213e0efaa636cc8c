-- The Spring Modulith event publication registry (schema v2): events published inside a
-- transaction stay here until every listener has finished, so a crash never loses one.
-- Portable across PostgreSQL and H2 (MODE=PostgreSQL); mirrors the registry's own v2 schema.
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)             NOT NULL,
    event_type             VARCHAR(512)             NOT NULL,
    serialized_event       VARCHAR                  NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);

CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id, completion_date);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
