-- How a clinic's protocols are signed (issue 16): whether a doctor's electronic signature is
-- required before a protocol is sent, and whether the clinic co-signs each signed protocol with
-- its own server key.
ALTER TABLE clinic ADD COLUMN protocol_signature_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE clinic ADD COLUMN protocol_cosigned BOOLEAN DEFAULT FALSE NOT NULL;
