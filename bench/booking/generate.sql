-- The morning-rush data set, generated in SQL on a database the app has already migrated.
-- Variables (psql -v): doctors, days, slots (per doctor and day), patients.
-- Ids are md5 hashes of a name and a number, so the load driver and the pgbench scripts can
-- compute any id from its number without reading it back: slot n is md5('slot' || n)::uuid, with
--   n = ((day - 1) * doctors + (doctor - 1)) * slots + k        (day, doctor, k counted from 1)
-- and patient p has the record md5('patient' || p)::uuid and the account md5('patient-user' || p)::uuid.
-- 100 doctors per clinic, 30 specialties (doctor d has the specialty number d mod 30), one video
-- service per clinic and specialty open to the whole region. Slots start tomorrow in Moscow time
-- at 09:00, 30 minutes each, and are generated CLOSED: opening them is the rush (open.sql).
\set ON_ERROR_STOP on
\timing on

CREATE TEMPORARY TABLE bench_specialty AS
SELECT code, (row_number() OVER (ORDER BY code)) - 1 AS number FROM clinic_specialty;

INSERT INTO clinic (id, name, inn, ogrn, region, address, timezone, phone, email, created_at)
SELECT md5('clinic' || c)::uuid, 'Клиника ' || c, '7707083893', '1027700132195', '77',
       'Москва, ул. Тестовая, ' || c, 'Europe/Moscow', '+74950000000', 'clinic' || c || '@bench.medkarta.org', now()
FROM generate_series(1, (:doctors + 99) / 100) AS c;

INSERT INTO clinic_doctor (id, clinic_id, user_id, email, last_name, first_name, patronymic, search_name, timezone,
                           visibility, active, created_at)
SELECT md5('doctor' || d)::uuid, md5('clinic' || ((d - 1) / 100 + 1))::uuid, md5('doctor-user' || d)::uuid,
       'doctor' || d || '@bench.medkarta.org', 'Врачев' || d, 'Иван', 'Петрович',
       lower('Врачев' || d || ' Иван Петрович'), 'Europe/Moscow', 'REGION', TRUE, now()
FROM generate_series(1, :doctors) AS d;

INSERT INTO clinic_doctor_specialty (doctor_id, specialty_code)
SELECT md5('doctor' || d)::uuid, s.code
FROM generate_series(1, :doctors) AS d JOIN bench_specialty s ON s.number = d % 30;

INSERT INTO clinic_service (id, clinic_id, name, specialty_code, format, kind, duration_minutes, price_kopecks,
                            visibility, active, created_at)
SELECT md5('service' || c || ':' || s.number)::uuid, md5('clinic' || c)::uuid, 'Видеоконсультация: ' || s.code,
       s.code, 'VIDEO', 'PRIMARY', 30, 150000, 'REGION', TRUE, now()
FROM generate_series(1, (:doctors + 99) / 100) AS c CROSS JOIN bench_specialty s;

INSERT INTO clinic_service_doctor (service_id, doctor_id)
SELECT md5('service' || ((d - 1) / 100 + 1) || ':' || (d % 30))::uuid, md5('doctor' || d)::uuid
FROM generate_series(1, :doctors) AS d;

-- The slots: doctors × days × slots rows.
INSERT INTO scheduling_slot (id, doctor_id, clinic_id, template_id, starts_at, ends_at, status, service_ids)
SELECT md5('slot' || (((day - 1) * :doctors + (d - 1)) * :slots + k))::uuid,
       md5('doctor' || d)::uuid,
       md5('clinic' || ((d - 1) / 100 + 1))::uuid,
       NULL,
       start,
       start + INTERVAL '30 minutes',
       'CLOSED',
       md5('service' || ((d - 1) / 100 + 1) || ':' || (d % 30))::uuid::text
FROM generate_series(1, :days) AS day
CROSS JOIN generate_series(1, :doctors) AS d
CROSS JOIN generate_series(1, :slots) AS k
CROSS JOIN LATERAL (SELECT ((date_trunc('day', now() AT TIME ZONE 'Europe/Moscow') + day * INTERVAL '1 day'
        + INTERVAL '9 hours' + (k - 1) * INTERVAL '30 minutes') AT TIME ZONE 'Europe/Moscow') AS start) AS t;

-- The patients: accounts with a record, a phone and the patient role.
INSERT INTO identity_account (id, patient_id, status, last_name, first_name, patronymic, birth_date, phone,
                              terms_version, terms_accepted_at, terms_accepted_from, created_at)
SELECT md5('patient-user' || p)::uuid, md5('patient' || p)::uuid, 'ACTIVE', 'Пациентов' || p, 'Пётр', 'Ильич',
       DATE '1980-01-01' + (p % 15000), '+7998' || lpad(p::text, 7, '0'), '1', now(), '127.0.0.1', now()
FROM generate_series(1, :patients) AS p;

INSERT INTO identity_role (id, account_id, role, clinic_id)
SELECT md5('patient-role' || p)::uuid, md5('patient-user' || p)::uuid, 'PATIENT', NULL
FROM generate_series(1, :patients) AS p;

VACUUM ANALYZE clinic, clinic_doctor, clinic_doctor_specialty, clinic_service, clinic_service_doctor,
    scheduling_slot, identity_account, identity_role;
