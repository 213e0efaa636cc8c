package org.medkarta.record.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.SignedProtocols;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed consultation protocol from the record (issue 16): the PDF exactly as the doctor signed it
 * and the detached signature beside it, on the record pages and over the API, for whoever may
 * download from the record. An entry that is not a signed protocol answers 404.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Medical record")
class SignedProtocolDownloads {

    private final RecordAccess access;
    private final SignedProtocols signed;

    SignedProtocolDownloads(RecordAccess access, SignedProtocols signed) {
        this.access = access;
        this.signed = signed;
    }

    @GetMapping({
        "/record/{id}/entries/{entryId}/protocol.pdf",
        "/api/v1/patients/{id}/record/entries/{entryId}/protocol.pdf"
    })
    @Operation(summary = "The signed protocol's PDF, byte for byte as it was signed")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String entryId) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        return UploadApi.file(signed.pdf(decision, Params.id(entryId, "entryId")));
    }

    @GetMapping({
        "/record/{id}/entries/{entryId}/protocol.pdf.sig",
        "/api/v1/patients/{id}/record/entries/{entryId}/protocol.pdf.sig"
    })
    @Operation(summary = "The doctor's detached signature (CMS, DER) of the signed protocol's PDF")
    ResponseEntity<byte[]> signature(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String entryId) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        return UploadApi.file(signed.signature(decision, Params.id(entryId, "entryId")));
    }
}
