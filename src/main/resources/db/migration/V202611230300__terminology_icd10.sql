-- ICD-10 (МКБ-10) as the NSI register publishes it (OID 1.2.643.5.1.13.13.11.1005); id is the register's ID.
CREATE TABLE terminology_icd10 (
    id BIGINT PRIMARY KEY,
    code VARCHAR(20) NOT NULL,
    code_key VARCHAR(20) NOT NULL,
    name VARCHAR(1000) NOT NULL,
    parent_id BIGINT,
    rec_code VARCHAR(40),
    addl_code VARCHAR(20),
    actual BOOLEAN NOT NULL,
    diagnosis BOOLEAN NOT NULL,
    changed_on DATE
);
-- Prefix search runs as a range scan on these ordinary indexes (see Words.after).
CREATE INDEX terminology_icd10_code_key ON terminology_icd10 (code_key);
CREATE INDEX terminology_icd10_code ON terminology_icd10 (code);

CREATE TABLE terminology_icd10_word (
    word VARCHAR(60) NOT NULL,
    entry_id BIGINT NOT NULL,
    PRIMARY KEY (word, entry_id)
);
CREATE INDEX terminology_icd10_word_entry ON terminology_icd10_word (entry_id);

CREATE TABLE terminology_import (
    id UUID PRIMARY KEY,
    dictionary VARCHAR(60) NOT NULL,
    version VARCHAR(20) NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    entries INTEGER NOT NULL,
    file_name VARCHAR(300),
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by UUID
);
CREATE INDEX terminology_import_at ON terminology_import (dictionary, imported_at);
