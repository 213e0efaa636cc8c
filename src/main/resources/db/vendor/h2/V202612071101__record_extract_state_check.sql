-- The states of an extract job are checked on PostgreSQL only (see the PostgreSQL migration of this
-- version and MigrationRulesTest: an H2 check with a list of constants breaks once the migration's
-- connection is closed).
COMMENT ON COLUMN record_extract.state IS 'QUEUED, RUNNING, DONE or FAILED';
