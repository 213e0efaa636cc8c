-- Clinics registered on the platform (SPEC B1) and who administers each of them.
CREATE TABLE clinic (
    id             UUID                     NOT NULL PRIMARY KEY,
    name           VARCHAR(300)             NOT NULL,
    inn            VARCHAR(10)              NOT NULL,
    ogrn           VARCHAR(13)              NOT NULL,
    license_number VARCHAR(100),
    license_date   DATE,
    region         VARCHAR(2)               NOT NULL,
    address        VARCHAR(500)             NOT NULL,
    timezone       VARCHAR(60)              NOT NULL,
    phone          VARCHAR(16)              NOT NULL,
    phone_extra    VARCHAR(100),
    email          VARCHAR(254)             NOT NULL,
    site           VARCHAR(300),
    description    VARCHAR(5000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX clinic_by_region_idx ON clinic (region);

-- The clinic's own list of its administrators: access is decided here, at once, not at the next sign-in.
CREATE TABLE clinic_admin (
    clinic_id UUID NOT NULL REFERENCES clinic (id),
    user_id   UUID NOT NULL,
    PRIMARY KEY (clinic_id, user_id)
);
CREATE INDEX clinic_admin_by_user_idx ON clinic_admin (user_id);

-- Logos and doctors' photos (PNG or JPEG up to 1 MB, the type read from the content).
CREATE TABLE clinic_image (
    owner_id     UUID        NOT NULL PRIMARY KEY,
    content_type VARCHAR(40) NOT NULL,
    content      BYTEA       NOT NULL
);

-- The dictionary of medical specialties (SPEC B3).
CREATE TABLE clinic_specialty (
    code    VARCHAR(40)  NOT NULL PRIMARY KEY,
    name_ru VARCHAR(100) NOT NULL,
    name_en VARCHAR(100) NOT NULL
);

-- A doctor's profile in one clinic; a person working in two clinics has two (SPEC B3, A8).
CREATE TABLE clinic_doctor (
    id               UUID                     NOT NULL PRIMARY KEY,
    clinic_id        UUID                     NOT NULL REFERENCES clinic (id),
    user_id          UUID                     NOT NULL,
    email            VARCHAR(254)             NOT NULL,
    last_name        VARCHAR(100)             NOT NULL,
    first_name       VARCHAR(100)             NOT NULL,
    patronymic       VARCHAR(100),
    -- The full name in lower case, written by the app, so that search by name needs no collation.
    search_name      VARCHAR(320)             NOT NULL,
    position         VARCHAR(200),
    experience_years INT,
    biography        VARCHAR(5000),
    timezone         VARCHAR(60)              NOT NULL,
    visibility       VARCHAR(20)              NOT NULL,
    active           BOOLEAN                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT clinic_doctor_one_per_clinic_uq UNIQUE (clinic_id, user_id)
);
CREATE INDEX clinic_doctor_by_user_idx ON clinic_doctor (user_id);

CREATE TABLE clinic_doctor_specialty (
    doctor_id      UUID        NOT NULL REFERENCES clinic_doctor (id),
    specialty_code VARCHAR(40) NOT NULL REFERENCES clinic_specialty (code),
    PRIMARY KEY (doctor_id, specialty_code)
);

-- Service types (SPEC B4) with their visibility (B5, seed 004).
CREATE TABLE clinic_service (
    id               UUID                     NOT NULL PRIMARY KEY,
    clinic_id        UUID                     NOT NULL REFERENCES clinic (id),
    name             VARCHAR(300)             NOT NULL,
    specialty_code   VARCHAR(40)              NOT NULL REFERENCES clinic_specialty (code),
    format           VARCHAR(20)              NOT NULL,
    kind             VARCHAR(30)              NOT NULL,
    duration_minutes INT                      NOT NULL,
    price_kopecks    BIGINT                   NOT NULL,
    visibility       VARCHAR(20)              NOT NULL,
    active           BOOLEAN                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX clinic_service_by_clinic_idx ON clinic_service (clinic_id);

CREATE TABLE clinic_service_doctor (
    service_id UUID NOT NULL REFERENCES clinic_service (id),
    doctor_id  UUID NOT NULL REFERENCES clinic_doctor (id),
    PRIMARY KEY (service_id, doctor_id)
);
CREATE INDEX clinic_service_doctor_by_doctor_idx ON clinic_service_doctor (doctor_id);
