-- Clinics near me (SPEC B9, issue 20; seed 002 «справочник клиник … аптеки»): a clinic's position
-- in its profile, WGS 84 degrees, both or neither. The index serves the bounding box that the
-- distance query cuts first (ClinicDirectory.near); distances are then computed for the few rows
-- inside it. The position of whoever searches is never written anywhere.
ALTER TABLE clinic ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE clinic ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE clinic ADD CONSTRAINT clinic_latitude_range CHECK (latitude BETWEEN -90 AND 90);
ALTER TABLE clinic ADD CONSTRAINT clinic_longitude_range CHECK (longitude BETWEEN -180 AND 180);
ALTER TABLE clinic ADD CONSTRAINT clinic_position_whole CHECK ((latitude IS NULL) = (longitude IS NULL));
CREATE INDEX clinic_position ON clinic (latitude, longitude, id);

-- The demo clinic (Москва, ул. Тверская, д. 7) where it was created before this migration.
UPDATE clinic SET latitude = 55.757614, longitude = 37.611811 WHERE inn = '7701234560' AND latitude IS NULL;
