-- The id of the request that caused an entry (X-Request-Id, issue 21): it ties an entry to the
-- proxy's access log and to the log lines of the node that served it. Not part of the hash: it
-- correlates, it is not evidence, and entries written before it have none.
ALTER TABLE audit_event ADD COLUMN request_id VARCHAR(64);
