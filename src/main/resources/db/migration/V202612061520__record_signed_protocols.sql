-- Consultation protocols filed with their electronic signature (issue 16): the record entry offers
-- the signed PDF and the detached signature for download, and names the certificate.
CREATE TABLE record_signed_entry (
    entry_id                 UUID                     NOT NULL PRIMARY KEY,
    patient_id               UUID                     NOT NULL,
    pdf_file_id              UUID                     NOT NULL,
    signature_file_id        UUID                     NOT NULL,
    clinic_signature_file_id UUID,
    signer_name              VARCHAR(300)             NOT NULL,
    signer_serial            VARCHAR(100)             NOT NULL,
    valid_to                 TIMESTAMP WITH TIME ZONE NOT NULL,
    verify_url               VARCHAR(1000)            NOT NULL,
    signed_at                TIMESTAMP WITH TIME ZONE NOT NULL
);
