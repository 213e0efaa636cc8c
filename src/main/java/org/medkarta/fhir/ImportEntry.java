package org.medkarta.fhir;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Resource;
import org.medkarta.shared.PatientId;

/**
 * One entry of an imported Bundle on its way in ({@link FhirImport}): the state every stage shares.
 * {@link BundleReferences} and {@link PatientMatching} say whose record it is, {@link
 * ImportFingerprints} what it is in the sending system, {@link ImportFiling} what became of it, and
 * {@link ImportResponse} answers with that.
 */
final class ImportEntry {

    /** What became of one entry, for the response Bundle and the report. */
    enum Result {
        CREATED,
        MATCHED,
        DUPLICATE,
        KEPT,
        REFUSED
    }

    final int index;
    final BundleEntryComponent entry;
    final Resource resource;
    final String type;
    final Set<Integer> refersTo = new LinkedHashSet<>();
    final Set<PatientId> patients = new LinkedHashSet<>();
    PatientId patient;
    UUID id;
    String sourceKey;
    String fingerprint;
    String likeness;
    Result result;
    String message;
    UUID similarTo;

    ImportEntry(int index, BundleEntryComponent entry) {
        this.index = index;
        this.entry = entry;
        this.resource = entry.getResource();
        this.type = resource == null ? null : resource.fhirType();
    }

    boolean refused() {
        return result == Result.REFUSED;
    }

    void refuse(String text) {
        if (result != Result.REFUSED) {
            result = Result.REFUSED;
            message = text;
        }
    }
}
