-- What the FHIR benchmark adds to the data of bench/record/generate.sql and bench/booking/generate.sql
-- (both run first on the same database, with the same number of patients).
-- psql -v doctors=… -v days=… -v slots=… -v patients=… -v appointments=…
--
-- Every slot is opened (booking's generator makes them CLOSED for its rush), then patients 1 to
-- appointments (at most doctors × days × slots / 4) each hold one booked appointment, in slot
-- n = 4p: the slot is BOOKED and points at the appointment md5('appointment' || p)::uuid.
-- The registrar of clinic 1 (md5('registrar-user1')::uuid, role REGISTRAR in md5('clinic1')::uuid)
-- is the staff account the import posts as.
\set ON_ERROR_STOP on
\timing on

SET synchronous_commit = off;

UPDATE scheduling_slot SET status = 'FREE' WHERE status = 'CLOSED';

-- Slot number n of generate.sql: n = ((day - 1) * doctors + (doctor - 1)) * slots + k.
CREATE TEMPORARY TABLE bench_booked AS
SELECT p, md5('slot' || (4 * p))::uuid AS slot_id, md5('appointment' || p)::uuid AS appointment_id
FROM generate_series(1, LEAST(:appointments, :doctors * :days * :slots / 4, :patients)) AS p;

INSERT INTO scheduling_appointment (id, slot_id, active_slot_id, patient_id, patient_user_id, doctor_id, clinic_id,
                                    service_id, starts_at, ends_at, status, complaint, referral_id, booked_by,
                                    booked_at, timed_at, cancelled_by_clinic)
SELECT b.appointment_id, s.id, s.id, md5('patient' || b.p)::uuid, md5('patient-user' || b.p)::uuid, s.doctor_id,
       s.clinic_id, s.service_ids::uuid, s.starts_at, s.ends_at, 'BOOKED', NULL, NULL,
       md5('patient-user' || b.p)::uuid, now(), now(), FALSE
FROM bench_booked b JOIN scheduling_slot s ON s.id = b.slot_id;

UPDATE scheduling_slot s SET status = 'BOOKED', appointment_id = b.appointment_id
FROM bench_booked b WHERE s.id = b.slot_id;

INSERT INTO identity_account (id, patient_id, status, last_name, first_name, patronymic, email, created_at)
VALUES (md5('registrar-user1')::uuid, NULL, 'ACTIVE', 'Регистраторова', 'Анна', 'Ивановна',
        'registrar1@bench.medkarta.org', now());
INSERT INTO identity_role (id, account_id, role, clinic_id)
VALUES (md5('registrar-role1')::uuid, md5('registrar-user1')::uuid, 'REGISTRAR', md5('clinic1')::uuid);

VACUUM ANALYZE scheduling_slot, scheduling_appointment, identity_account, identity_role;
SELECT 'free slots ' || (SELECT COUNT(*) FROM scheduling_slot WHERE status = 'FREE')
       || ', appointments ' || (SELECT COUNT(*) FROM scheduling_appointment) AS generated;
