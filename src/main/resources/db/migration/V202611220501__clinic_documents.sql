-- The clinic's offer and informed voluntary consent, as numbered versions that are never changed (SPEC B2).
CREATE TABLE clinic_document (
    clinic_id    UUID                     NOT NULL REFERENCES clinic (id),
    kind         VARCHAR(20)              NOT NULL,
    version      INT                      NOT NULL,
    body         VARCHAR(200000)          NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by UUID                     NOT NULL,
    PRIMARY KEY (clinic_id, kind, version)
);

-- A patient's acceptance of one version, with the time and the address it came from (SPEC B2).
CREATE TABLE clinic_acceptance (
    patient_id  UUID                     NOT NULL,
    clinic_id   UUID                     NOT NULL REFERENCES clinic (id),
    kind        VARCHAR(20)              NOT NULL,
    version     INT                      NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    address     VARCHAR(64)              NOT NULL,
    PRIMARY KEY (patient_id, clinic_id, kind, version)
);
