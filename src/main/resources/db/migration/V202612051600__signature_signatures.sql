-- Electronic signatures (issue 16, SPEC D9).
-- A clinic's trust store: the roots (and intermediates) its administrator trusts. A certificate is
-- public; it is kept as DER.
CREATE TABLE signature_trust_anchor (
    id          UUID                     PRIMARY KEY,
    clinic_id   UUID                     NOT NULL,
    subject     VARCHAR(1000)            NOT NULL,
    serial      VARCHAR(100)             NOT NULL,
    not_before  TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after   TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256      VARCHAR(64)              NOT NULL,
    certificate BYTEA                    NOT NULL,
    added_by    UUID                     NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT signature_trust_anchor_once UNIQUE (clinic_id, sha256)
);

-- CRLs a clinic administrator uploaded (for issuers whose distribution point is not reachable).
CREATE TABLE signature_crl (
    id          UUID                     PRIMARY KEY,
    clinic_id   UUID                     NOT NULL,
    issuer      VARCHAR(1000)            NOT NULL,
    this_update TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update TIMESTAMP WITH TIME ZONE,
    entries     INTEGER                  NOT NULL,
    crl         BYTEA                    NOT NULL,
    added_by    UUID                     NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX signature_crl_clinic ON signature_crl (clinic_id);

-- A doctor's or a clinic's signing key as the PKCS#12 file they uploaded: encrypted by its
-- password, which is never stored (entered at signing, or held in configuration).
CREATE TABLE signature_key (
    owner_kind  VARCHAR(16)              NOT NULL,
    owner_id    UUID                     NOT NULL,
    pkcs12      BYTEA                    NOT NULL,
    certificate BYTEA                    NOT NULL,
    subject     VARCHAR(1000)            NOT NULL,
    serial      VARCHAR(100)             NOT NULL,
    not_after   TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by UUID                     NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner_kind, owner_id)
);

-- Every signed document Medkarta issued, reserved before its PDF is rendered; the QR token is kept
-- only as its SHA-256.
CREATE TABLE signature_document (
    id          UUID                     PRIMARY KEY,
    kind        VARCHAR(32)              NOT NULL,
    clinic_id   UUID                     NOT NULL,
    title       VARCHAR(300)             NOT NULL,
    token_hash  VARCHAR(64)              NOT NULL,
    document_id UUID,
    reserved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    filed_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE signature_document_signature (
    document_id  UUID                     NOT NULL REFERENCES signature_document (id),
    ordinal      INTEGER                  NOT NULL,
    signature_id UUID                     NOT NULL,
    serial       VARCHAR(100),
    signed_at    TIMESTAMP WITH TIME ZONE,
    filed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (document_id, ordinal)
);
