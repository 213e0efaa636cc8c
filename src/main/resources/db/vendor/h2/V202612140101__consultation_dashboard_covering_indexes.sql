-- PostgreSQL makes the consultation dashboard indexes covering here (INCLUDE); H2 has no included
-- columns, and its (clinic_id, starts_at) and (clinic_id, closed_at) indexes serve the same statements.
SELECT 1;
