package org.medkarta.scheduling.web;

import java.nio.charset.StandardCharsets;
import org.medkarta.files.FileContent;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** An appointment's file as a download, and an upload's bytes, for the API and the page alike. */
final class AppointmentFileDownloads {

    private AppointmentFileDownloads() {}

    static ResponseEntity<byte[]> download(FileContent content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.file().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.file().name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content.content());
    }

    /** The upload's bytes; none (refused by the facade as an empty file) when nothing was chosen. */
    static byte[] bytes(MultipartFile file) {
        if (file == null) {
            return new byte[0];
        }
        try {
            return file.getBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String name(MultipartFile file) {
        return file == null || file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
    }
}
