-- The clinic-dashboard data set (bench/dashboard), generated in SQL on a database the app has
-- already migrated. Variables (psql -v): doctors (all in one clinic), days_past, days_ahead, slots
-- (per doctor and day), booked (percent of slots booked).
-- One clinic, md5('dash-clinic')::uuid, in Moscow; doctor d is md5('dash-doctor' || d)::uuid with 30
-- video services (doctor d gives service d mod 30). Slots every 30 minutes from 09:00 Moscow time, from
-- days_past days ago to days_ahead days ahead. A slot is BOOKED (with its appointment and its
-- consultation request) for `booked` per cent of slots, CLOSED for 1 %, else FREE. Past requests are
-- mostly CLOSED (taken between 15 minutes before and 20 after the start, the protocol sent 30 minutes
-- after the start), some IN_WORK, NEW (overdue, missed) or CANCELLED; future ones NEW.
-- The clinic's administrator is md5('dash-admin')::uuid.
\set ON_ERROR_STOP on
\timing on

INSERT INTO clinic (id, name, inn, ogrn, region, address, timezone, phone, email, created_at)
VALUES (md5('dash-clinic')::uuid, 'Клиника показателей', '7707083893', '1027700132195', '77',
        'Москва, ул. Тестовая, 1', 'Europe/Moscow', '+74950000000', 'dash@bench.medkarta.org', now());

INSERT INTO identity_account (id, status, last_name, first_name, email, created_at)
VALUES (md5('dash-admin')::uuid, 'ACTIVE', 'Админова', 'Алла', 'dash-admin@bench.medkarta.org', now());
INSERT INTO identity_role (id, account_id, role, clinic_id)
VALUES (md5('dash-admin-role')::uuid, md5('dash-admin')::uuid, 'CLINIC_ADMIN', md5('dash-clinic')::uuid);
INSERT INTO clinic_admin (clinic_id, user_id) VALUES (md5('dash-clinic')::uuid, md5('dash-admin')::uuid);

CREATE TEMPORARY TABLE bench_specialty AS
SELECT code, (row_number() OVER (ORDER BY code)) - 1 AS number FROM clinic_specialty;

INSERT INTO clinic_doctor (id, clinic_id, user_id, email, last_name, first_name, patronymic, search_name, timezone,
                           visibility, active, created_at)
SELECT md5('dash-doctor' || d)::uuid, md5('dash-clinic')::uuid, md5('dash-doctor-user' || d)::uuid,
       'dash-doctor' || d || '@bench.medkarta.org', 'Врачев' || d, 'Иван', 'Петрович',
       lower('Врачев' || d || ' Иван Петрович'), 'Europe/Moscow', 'REGION', TRUE, now()
FROM generate_series(1, :doctors) AS d;

INSERT INTO clinic_doctor_specialty (doctor_id, specialty_code)
SELECT md5('dash-doctor' || d)::uuid, s.code
FROM generate_series(1, :doctors) AS d JOIN bench_specialty s ON s.number = d % 30;

INSERT INTO clinic_service (id, clinic_id, name, specialty_code, format, kind, duration_minutes, price_kopecks,
                            visibility, active, created_at)
SELECT md5('dash-service' || s.number)::uuid, md5('dash-clinic')::uuid, 'Видеоконсультация: ' || s.code,
       s.code, 'VIDEO', 'PRIMARY', 30, 150000, 'REGION', TRUE, now()
FROM bench_specialty s WHERE s.number < 30;

INSERT INTO clinic_service_doctor (service_id, doctor_id)
SELECT md5('dash-service' || (d % 30))::uuid, md5('dash-doctor' || d)::uuid
FROM generate_series(1, :doctors) AS d;

-- The slots: doctors × days × slots rows; n numbers them, and a hash of n decides the status.
CREATE TEMPORARY TABLE bench_slot AS
SELECT n, d, start,
       CASE WHEN h < :booked THEN 'BOOKED' WHEN h = 99 THEN 'CLOSED' ELSE 'FREE' END AS status,
       (n * 2654435761) % 1000 AS fate
FROM (SELECT ((day + :days_past)::bigint * :doctors + (d - 1)) * :slots + k AS n, d,
             ((date_trunc('day', now() AT TIME ZONE 'Europe/Moscow') + day * INTERVAL '1 day'
               + INTERVAL '9 hours' + (k - 1) * INTERVAL '30 minutes') AT TIME ZONE 'Europe/Moscow') AS start,
             (((day + :days_past)::bigint * :doctors + (d - 1)) * :slots + k) * 40503 % 100 AS h
      FROM generate_series(-:days_past, :days_ahead - 1) AS day
      CROSS JOIN generate_series(1, :doctors) AS d
      CROSS JOIN generate_series(1, :slots) AS k) AS numbered;

INSERT INTO scheduling_slot (id, doctor_id, clinic_id, template_id, starts_at, ends_at, status, service_ids, appointment_id)
SELECT md5('dash-slot' || n)::uuid, md5('dash-doctor' || d)::uuid, md5('dash-clinic')::uuid, NULL,
       start, start + INTERVAL '30 minutes', status, md5('dash-service' || (d % 30))::uuid::text,
       CASE WHEN status = 'BOOKED' THEN md5('dash-appointment' || n)::uuid END
FROM bench_slot;

INSERT INTO scheduling_appointment (id, slot_id, active_slot_id, patient_id, patient_user_id, doctor_id, clinic_id,
                                    service_id, starts_at, ends_at, status, booked_by, booked_at, timed_at,
                                    cancelled_by_clinic, followed_up_at)
SELECT md5('dash-appointment' || n)::uuid, md5('dash-slot' || n)::uuid, md5('dash-slot' || n)::uuid,
       md5('dash-patient' || (n % 50000))::uuid, md5('dash-patient-user' || (n % 50000))::uuid,
       md5('dash-doctor' || d)::uuid, md5('dash-clinic')::uuid, md5('dash-service' || (d % 30))::uuid,
       start, start + INTERVAL '30 minutes', 'BOOKED', md5('dash-patient-user' || (n % 50000))::uuid,
       start - INTERVAL '3 days', start - INTERVAL '3 days', FALSE, start - INTERVAL '3 days'
FROM bench_slot WHERE status = 'BOOKED';

-- Requests: past ones 85 % closed, 5 % in work, 5 % never taken, 5 % cancelled; future ones new.
INSERT INTO consultation (id, appointment_id, kind, channel, state, patient_id, patient_user_id, patient_name,
                          patient_search, doctor_id, doctor_user_id, doctor_name, clinic_id, service_name, service_id,
                          starts_at, ends_at, starts_on, time_zone, opened_at, taken_at, closed_at, cancelled_at)
SELECT md5('dash-consultation' || n)::uuid, md5('dash-appointment' || n)::uuid, 'PRIMARY', 'VIDEO', state,
       md5('dash-patient' || (n % 50000))::uuid, md5('dash-patient-user' || (n % 50000))::uuid,
       'Пациентов Пётр', 'пациентов пётр', md5('dash-doctor' || d)::uuid, md5('dash-doctor-user' || d)::uuid,
       'Врачев' || d || ' Иван Петрович', md5('dash-clinic')::uuid, 'Видеоконсультация',
       md5('dash-service' || (d % 30))::uuid, start, start + INTERVAL '30 minutes',
       CAST(start AT TIME ZONE 'Europe/Moscow' AS DATE), 'Europe/Moscow', start - INTERVAL '3 days',
       CASE WHEN state IN ('CLOSED', 'IN_WORK') THEN start + ((fate % 36) - 15) * INTERVAL '1 minute' END,
       CASE WHEN state = 'CLOSED' THEN start + INTERVAL '30 minutes' END,
       CASE WHEN state = 'CANCELLED' THEN start - INTERVAL '1 day' END
FROM (SELECT n, d, start, fate,
             CASE WHEN start > now() THEN 'NEW'
                  WHEN fate < 850 THEN 'CLOSED'
                  WHEN fate < 900 THEN 'IN_WORK'
                  WHEN fate < 950 THEN 'NEW'
                  ELSE 'CANCELLED' END AS state
      FROM bench_slot WHERE status = 'BOOKED') AS booked;

SELECT 'slots ' || (SELECT COUNT(*) FROM scheduling_slot) || ', appointments '
       || (SELECT COUNT(*) FROM scheduling_appointment) || ', consultations '
       || (SELECT COUNT(*) FROM consultation) AS generated;

VACUUM ANALYZE clinic, clinic_doctor, clinic_doctor_specialty, clinic_service, clinic_service_doctor,
    scheduling_slot, scheduling_appointment, consultation, identity_account, identity_role, clinic_admin;
