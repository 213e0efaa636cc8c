-- The states of an extract job, checked on PostgreSQL only. H2 2.4 compares an IN list of
-- constants (and the OR-ed equalities it rewrites into one) with the session that parsed the
-- constraint, so once the pool retires the migration's connection every insert fails there
-- ("Check constraint invalid"); see MigrationRulesTest.
ALTER TABLE record_extract
    ADD CONSTRAINT record_extract_state_ck CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'));
COMMENT ON COLUMN record_extract.state IS 'QUEUED, RUNNING, DONE or FAILED';
