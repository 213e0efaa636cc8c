package org.medkarta.clinic;

/** The current version of each of a clinic's documents, or null where none is published yet. */
public record ClinicDocuments(Integer offerVersion, Integer consentVersion) {

    public Integer version(DocumentKind kind) {
        return kind == DocumentKind.OFFER ? offerVersion : consentVersion;
    }
}
