package org.medkarta.record.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.RecordUploads;
import org.medkarta.record.UploadForm;
import org.medkarta.record.UploadView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Patient uploads and their verification (SPEC E5). */
@RestController
@Tag(name = "Medical record uploads")
@PreAuthorize("isAuthenticated()")
class UploadApi {

    private final RecordAccess access;
    private final RecordUploads uploads;

    UploadApi(RecordAccess access, RecordUploads uploads) {
        this.access = access;
        this.uploads = uploads;
    }

    /**
     * Uploads a JPG, PNG or PDF up to 5 MB (multipart {@code file}; {@code kind}: DOCUMENT or
     * VACCINATION; {@code title}; for a vaccination {@code vaccine}, {@code date}, {@code series})
     * → 201; 422 {@code invalid-input} naming {@code file} when it is too big or not such a file by
     * its content.
     */
    @PostMapping(value = "/api/v1/patients/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    UploadView upload(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String vaccine,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String series) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        return uploads.upload(
                decision,
                user,
                new UploadForm(kind, title, vaccine, date, series),
                file == null ? null : file.getOriginalFilename(),
                bytes(file));
    }

    @GetMapping("/api/v1/patients/{id}/documents")
    List<UploadView> list(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return uploads.uploads(decision);
    }

    @GetMapping("/api/v1/patients/{id}/documents/{uploadId}/content")
    ResponseEntity<byte[]> content(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String uploadId) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        return file(uploads.content(decision, Params.id(uploadId, "uploadId")));
    }

    /** The signed-in doctor's verification queue: pending vaccinations of their patients. */
    @GetMapping("/api/v1/verification-queue")
    List<UploadView> queue(@AuthenticationPrincipal SignedInUser user) {
        return uploads.verificationQueue(user);
    }

    /** Verifies an uploaded vaccination; it enters the record → {@code {id}} of the entry. */
    @PostMapping("/api/v1/patients/{id}/documents/{uploadId}/verify")
    Json.Created verify(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String uploadId) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        return new Json.Created(uploads.verify(decision, user, Params.id(uploadId, "uploadId")));
    }

    /** Rejects an uploaded vaccination: {@code {reason}}. */
    @PostMapping("/api/v1/patients/{id}/documents/{uploadId}/reject")
    void reject(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String uploadId,
            @RequestBody Json.ReasonBody body) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        uploads.reject(decision, user, Params.id(uploadId, "uploadId"), body.reason());
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseEntity<byte[]> file(org.medkarta.files.FileContent content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.file().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.file().name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.content());
    }
}
