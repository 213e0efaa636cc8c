package org.medkarta.fhir.web;

import java.util.UUID;
import org.medkarta.fhir.RecordExport;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The record page's «Скачать в формате FHIR»: the whole record as one FHIR JSON Bundle file. */
@Controller
class RecordBundlePages {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

    private final RecordExport export;
    private final org.medkarta.access.RecordAccess access;

    RecordBundlePages(RecordExport export, org.medkarta.access.RecordAccess access) {
        this.export = export;
        this.access = access;
    }

    @GetMapping("/record/{id}/fhir")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        PatientId patient;
        try {
            patient = new PatientId(UUID.fromString(id));
        } catch (IllegalArgumentException malformed) {
            throw new NotFound();
        }
        var file = export.bundle(access.require(user, patient, org.medkarta.access.RecordAction.DOWNLOAD));
        return ResponseEntity.ok()
                .contentType(FHIR_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName())
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.json());
    }
}
