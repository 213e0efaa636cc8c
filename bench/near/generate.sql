-- :clinics clinics spread over Moscow and its region (55.1..56.1 N, 36.8..38.4 E), each with a
-- position, as the clinic profile holds it; random() seeded so that every run holds the same city.
SELECT setseed(0.42);
INSERT INTO clinic (id, name, inn, ogrn, region, address, timezone, phone, email, created_at, latitude, longitude)
SELECT md5('near-clinic-' || n)::uuid,
       'Клиника ' || n,
       '7701234560',
       '1027700123450',
       '77',
       'Москва, улица ' || n,
       'Europe/Moscow',
       '+74950000000',
       'clinic' || n || '@example.ru',
       now(),
       55.1 + random() * 1.0,
       36.8 + random() * 1.6
FROM generate_series(1, :clinics) AS n;
ANALYZE clinic;
SELECT 'clinics ' || COUNT(*) FROM clinic WHERE latitude IS NOT NULL;
