package org.medkarta.record;

/**
 * Where an upload stands: a document is filed at once; a vaccination is pending until a doctor
 * verifies it (and it enters the record) or rejects it with a reason.
 */
public enum UploadState {
    PENDING,
    VERIFIED,
    REJECTED,
    FILED
}
