package org.medkarta.record;

/** What a patient uploads (SPEC E5): a document, or proof of a vaccination that a doctor verifies. */
public enum UploadKind {
    DOCUMENT,
    VACCINATION
}
