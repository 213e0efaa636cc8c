package org.medkarta.scheduling.web;

import java.util.List;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentFiles;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Files attached to an appointment after booking it (issue 23, seed 001). */
@RestController
@PreAuthorize("isAuthenticated()")
class AppointmentFilesApi {

    private final AppointmentFiles files;

    AppointmentFilesApi(AppointmentFiles files) {
        this.files = files;
    }

    /** Attaches a file ({@code file}, multipart): 201 with what was stored. */
    @PostMapping(path = "/api/v1/appointments/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AppointmentFiles.AppointmentFile attach(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        return files.attach(
                user,
                TypedId.parse(id, "id"),
                AppointmentFileDownloads.name(file),
                AppointmentFileDownloads.bytes(file));
    }

    /** The appointment's files, oldest first. */
    @GetMapping("/api/v1/appointments/{id}/files")
    List<AppointmentFiles.AppointmentFile> list(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return files.list(user, TypedId.parse(id, "id"));
    }

    /** One file's bytes. */
    @GetMapping("/api/v1/appointments/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String fileId) {
        return AppointmentFileDownloads.download(
                files.open(user, TypedId.parse(id, "id"), TypedId.parse(fileId, "fileId")));
    }
}
