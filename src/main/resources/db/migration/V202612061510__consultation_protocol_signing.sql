-- A protocol being signed (issue 16): the doctor chose a certificate, the server checked the content
-- and rendered the PDF with the signature stamp and the QR code of its verification page; the
-- signature the doctor's token makes covers exactly these PDF bytes. One draft per consultation;
-- a new draft replaces the old one until the protocol is sent.
CREATE TABLE consultation_protocol_draft (
    consultation_id            UUID                     NOT NULL PRIMARY KEY REFERENCES consultation (id),
    anamnesis                  VARCHAR(8000),
    recommendations            VARCHAR(8000)            NOT NULL,
    additional_recommendations VARCHAR(8000),
    -- one "code<TAB>name" a line, in the order of the protocol
    diagnoses                  VARCHAR(20000),
    -- the protocol's files, stored when the draft was made: ids separated by commas
    file_ids                   VARCHAR(2000),
    document_id                UUID                     NOT NULL,
    verify_url                 VARCHAR(1000)            NOT NULL,
    pdf_file_id                UUID                     NOT NULL,
    signer_snils               VARCHAR(11)              NOT NULL,
    signer_name                VARCHAR(300)             NOT NULL,
    signer_serial              VARCHAR(100)             NOT NULL,
    made_by                    UUID                     NOT NULL,
    made_at                    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The signature of a sent protocol: the signed PDF, the doctor's detached CMS and, when the clinic
-- co-signs, the clinic's; the protocol never changes afterwards (addenda are separate text).
CREATE TABLE consultation_protocol_signature (
    consultation_id           UUID                     NOT NULL PRIMARY KEY REFERENCES consultation (id),
    document_id               UUID                     NOT NULL,
    verify_url                VARCHAR(1000)            NOT NULL,
    pdf_file_id               UUID                     NOT NULL,
    signature_file_id         UUID                     NOT NULL,
    clinic_signature_file_id  UUID,
    signer_name               VARCHAR(300)             NOT NULL,
    signer_serial             VARCHAR(100)             NOT NULL,
    signer_valid_from         TIMESTAMP WITH TIME ZONE NOT NULL,
    signer_valid_to           TIMESTAMP WITH TIME ZONE NOT NULL,
    clinic_signer_name        VARCHAR(300),
    clinic_signer_serial      VARCHAR(100),
    signed_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);
