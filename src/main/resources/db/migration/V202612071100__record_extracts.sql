-- Extracts of the record as PDFs (SPEC E10, issue 17; seed 001 «Выписки и заключения»): what was
-- ordered, by whom and on what grounds, and the background job that produces it. A job is QUEUED,
-- then RUNNING under a lease that its worker renews; a RUNNING job whose lease ran out (its node
-- died) is claimed again by any node, so a restart never loses an order. DONE keeps the PDF (and
-- its detached signature when the issuing clinic signed it) in the files module.
CREATE TABLE record_extract (
    id                 UUID                     NOT NULL PRIMARY KEY,
    patient_id         UUID                     NOT NULL REFERENCES record_patient (patient_id),
    ordered_by         UUID                     NOT NULL,
    -- SELF, PARENT, GRANTEE, CLINICIAN...: decides which entries the extract may show.
    relation           VARCHAR(20)              NOT NULL,
    -- The entry types chosen, comma-separated, in the order of the extract's sections.
    sections           VARCHAR(400)             NOT NULL,
    period_from        DATE,
    period_to          DATE,
    clinic_id          UUID,
    state              VARCHAR(10)              NOT NULL,
    progress           INT                      NOT NULL DEFAULT 0,
    attempts           INT                      NOT NULL DEFAULT 0,
    lease_until        TIMESTAMP WITH TIME ZONE,
    -- A message code saying why it failed, for the page and the API in the reader's language.
    failure            VARCHAR(200),
    entries            INT,
    pdf_file_id        UUID,
    signature_file_id  UUID,
    signed_document_id UUID,
    verify_url         VARCHAR(1000),
    signer_name        VARCHAR(300),
    signer_serial      VARCHAR(100),
    ordered_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT record_extract_progress_ck CHECK (progress BETWEEN 0 AND 100)
);
CREATE INDEX record_extract_by_patient_idx ON record_extract (patient_id, ordered_at);
CREATE INDEX record_extract_due_idx ON record_extract (state, lease_until);
