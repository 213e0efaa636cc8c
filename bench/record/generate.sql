-- Record benchmark data, generated in SQL on the schema the app's migrations made (bench/record).
-- psql -v patients=1000000 -v observations=20000000 -v heavy_every=10000 -v heavy_observations=2000
--
-- Patient n has the id md5('patient' || n)::uuid (the driver mints tokens for the same ids).
-- Every heavy_every-th patient is one of the heaviest: heavy_observations laboratory results; the
-- remaining observations are spread evenly over the typical patients. Each patient also has exam
-- protocols (one a year since 2017) and two prescriptions. Entry ids are md5 of a text too, so a
-- rerun of the same scale makes the same data.
\set ON_ERROR_STOP on
\timing on

SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';

-- Loading into a table without its indexes and rebuilding them once is several times faster than
-- maintaining them row by row. The definitions are read from the catalogue (whatever the migrations
-- made, including foreign keys of other tables that point at record_entry), dropped, and restored
-- exactly at the end.
CREATE TEMP TABLE bench_entry_ddl AS
SELECT 1 AS drop_order, 4 AS add_order,
       format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop_sql,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS add_sql
FROM pg_constraint WHERE contype = 'f' AND confrelid = 'record_entry'::regclass AND conrelid <> 'record_entry'::regclass
UNION ALL
SELECT CASE contype WHEN 'f' THEN 2 ELSE 3 END, CASE contype WHEN 'f' THEN 3 ELSE 1 END,
       format('ALTER TABLE record_entry DROP CONSTRAINT %I', conname),
       format('ALTER TABLE record_entry ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid))
FROM pg_constraint WHERE conrelid = 'record_entry'::regclass AND contype IN ('p', 'u', 'f')
UNION ALL
SELECT 4, 2, format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid)
FROM pg_index WHERE indrelid = 'record_entry'::regclass
  AND indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE conrelid = 'record_entry'::regclass);
SELECT drop_sql FROM bench_entry_ddl ORDER BY drop_order \gexec

INSERT INTO record_patient (patient_id, last_name, first_name, patronymic, birth_date, sex, created_at, updated_at)
SELECT md5('patient' || n)::uuid, 'Пациентов' || n, 'Пётр', 'Петрович',
       DATE '1940-01-01' + (n::bigint * 7919 % 25000)::int, CASE WHEN n % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END, now(), now()
FROM generate_series(1, :patients) AS n;

-- Laboratory results of the typical patients: observations minus the heaviest patients' share.
INSERT INTO record_entry (id, patient_id, type, status, version, effective_date, code, title, value_key, value_num,
                          unit, ref_low, ref_high, flag, radiology, source, created_at, updated_at, seen_at)
SELECT md5('obs' || o)::uuid, md5('patient' || p)::uuid, 'LAB_RESULT', 'CURRENT', 1,
       DATE '2015-01-01' + (o * 37 % 4000), t.code, t.name, (100 + o % 60) || ' ' || t.unit, 100 + o % 60, t.unit,
       110, 150, CASE WHEN 100 + o % 60 > 150 THEN 'H' WHEN 100 + o % 60 < 110 THEN 'L' ELSE 'N' END,
       FALSE, 'CLINICIAN', now(), now(), now()
FROM (SELECT o, 1 + (o % (:patients - :patients / :heavy_every)) AS q
      FROM generate_series(1, :observations - (:patients / :heavy_every) * :heavy_observations) AS o) AS s
CROSS JOIN LATERAL (SELECT s.q + (s.q - 1) / (:heavy_every - 1) AS p) AS typical
JOIN (VALUES (0, 'HGB', 'Гемоглобин', 'g/L'), (1, 'CHOL', 'Холестерин', 'mmol/L'), (2, 'GLU', 'Глюкоза', 'mmol/L'),
             (3, 'CREA', 'Креатинин', 'umol/L'), (4, 'ALT', 'АЛТ', 'U/L')) AS t (k, code, name, unit)
  ON t.k = s.o % 5;

-- The heaviest patients: every heavy_every-th one.
INSERT INTO record_entry (id, patient_id, type, status, version, effective_date, code, title, value_key, value_num,
                          unit, ref_low, ref_high, flag, radiology, source, created_at, updated_at, seen_at)
SELECT md5('heavy' || h || ':' || i)::uuid, md5('patient' || (h * :heavy_every))::uuid, 'LAB_RESULT', 'CURRENT', 1,
       DATE '2015-01-01' + (i * 3 % 4000), 'HGB', 'Гемоглобин', (100 + i % 60) || ' g/L', 100 + i % 60, 'g/L',
       110, 150, CASE WHEN 100 + i % 60 > 150 THEN 'H' WHEN 100 + i % 60 < 110 THEN 'L' ELSE 'N' END,
       FALSE, 'CLINICIAN', now(), now(), now()
FROM generate_series(1, :patients / :heavy_every) AS h, generate_series(1, :heavy_observations) AS i;

-- Encounters: an exam protocol a year since 2017 (ten); prescriptions: two.
INSERT INTO record_entry (id, patient_id, type, status, version, effective_date, title, value_key, radiology, source,
                          created_at, updated_at, seen_at)
SELECT md5('enc' || n || ':' || y)::uuid, md5('patient' || n)::uuid, 'EXAM_PROTOCOL', 'CURRENT', 1,
       make_date(y, 1 + n % 12, 1 + n % 28), 'Терапевт', 'здоров', FALSE, 'CLINICIAN', now(), now(), now()
FROM generate_series(1, :patients) AS n, generate_series(2017, 2026) AS y;

INSERT INTO record_entry (id, patient_id, type, status, version, effective_date, title, value_key, radiology, source,
                          created_at, updated_at, seen_at)
SELECT md5('rx' || n || ':' || k)::uuid, md5('patient' || n)::uuid, 'PRESCRIPTION', 'CURRENT', 1,
       make_date(2018 + k * 3, 1 + n % 12, 1 + n % 28), CASE k WHEN 1 THEN 'Амлодипин' ELSE 'Аторвастатин' END,
       '5 мг', FALSE, 'CLINICIAN', now(), now(), now()
FROM generate_series(1, :patients) AS n, generate_series(1, 2) AS k;

SELECT add_sql FROM bench_entry_ddl ORDER BY add_order \gexec

ANALYZE record_patient;
ANALYZE record_entry;
SELECT 'patients ' || (SELECT COUNT(*) FROM record_patient) || ', entries ' || (SELECT COUNT(*) FROM record_entry)
       || ', laboratory results ' || (SELECT COUNT(*) FROM record_entry WHERE type = 'LAB_RESULT') AS generated;
