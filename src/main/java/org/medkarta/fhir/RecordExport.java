package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.shared.PublicUrl;
import org.springframework.stereotype.Service;

/**
 * A patient's whole record as one FHIR Bundle file, for the record page's «Скачать в формате FHIR»:
 * the same composition as {@code $everything} ({@link PatientEverything}), under a decision to
 * download (the patient, a parent, a grantee with {@code VIEW_DOWNLOAD} or {@code FULL}, a clinician
 * in care), audited as every download from the record is.
 */
@Service
public class RecordExport {

    /** A record as a FHIR JSON file. */
    public record BundleFile(String fileName, byte[] json) {}

    private final RecordAccess access;
    private final PatientEverything everything;
    private final PublicUrl publicUrl;
    private final FhirContext fhir;

    RecordExport(RecordAccess access, PatientEverything everything, PublicUrl publicUrl, FhirContext fhir) {
        this.access = access;
        this.everything = everything;
        this.publicUrl = publicUrl;
        this.fhir = fhir;
    }

    /**
     * The record of {@code patient} as a {@code collection} Bundle in JSON.
     *
     * @throws org.medkarta.shared.NotFound when the user may not open the record
     * @throws org.medkarta.access.AccessRefusal when they may read but not download it (a {@code VIEW} grantee)
     */
    public BundleFile bundle(org.medkarta.access.AccessDecision decision) {
        if (decision.action() != RecordAction.DOWNLOAD) {
            throw new IllegalArgumentException("A download needs a decision for DOWNLOAD");
        }
        var bundle = everything.collection(decision, publicUrl.of(FhirServer.BASE));
        byte[] json = fhir.newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
        return new BundleFile("medkarta-record-" + decision.patient().value() + ".fhir.json", json);
    }
}
