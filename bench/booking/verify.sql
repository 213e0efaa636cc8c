-- After the run: does any slot hold two booked appointments, does any patient hold two that
-- overlap, and does every booked slot have its appointment? Looks only at appointments starting on
-- days :first_day .. :last_day (counted as generate.sql counts them, Moscow time) and reads the
-- appointment rows themselves, not the guards that were meant to prevent duplicates.
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned
\pset fieldsep ' '
WITH w AS (
    SELECT (date_trunc('day', now() AT TIME ZONE 'Europe/Moscow') + :first_day * INTERVAL '1 day')
               AT TIME ZONE 'Europe/Moscow' AS lo,
           (date_trunc('day', now() AT TIME ZONE 'Europe/Moscow') + (:last_day + 1) * INTERVAL '1 day')
               AT TIME ZONE 'Europe/Moscow' AS hi
), a AS (
    SELECT x.* FROM scheduling_appointment x, w WHERE x.status = 'BOOKED' AND x.starts_at >= w.lo AND x.starts_at < w.hi
)
SELECT :'label' || '_appointments', count(*) FROM a
UNION ALL
SELECT :'label' || '_slots_held_twice', count(*) FROM (SELECT slot_id FROM a GROUP BY slot_id HAVING count(*) > 1) d
UNION ALL
SELECT :'label' || '_overlapping_pairs_of_one_patient', count(*)
FROM a x JOIN a y ON x.patient_id = y.patient_id AND x.id < y.id AND x.starts_at < y.ends_at AND y.starts_at < x.ends_at
UNION ALL
SELECT :'label' || '_booked_slots_without_appointment', count(*)
FROM scheduling_slot s, w
WHERE s.status = 'BOOKED' AND s.starts_at >= w.lo AND s.starts_at < w.hi
  AND NOT EXISTS (SELECT 1 FROM a WHERE a.slot_id = s.id);
