-- H2: the same rule as on PostgreSQL, through a Java trigger (see ADR 0005).
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'org.medkarta.audit.AppendOnly';
