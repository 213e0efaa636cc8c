package org.medkarta.terminology.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.terminology.ImportResult;
import org.medkarta.terminology.Terminology;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** ICD-10 (МКБ-10) over the API: search for apps and forms, and the import for administrators. */
@RestController
@Tag(name = "Terminology")
class Icd10Api {

    /** One diagnosis as the API gives it. */
    record Entry(String code, String name, boolean actual) {}

    private final Terminology terminology;

    Icd10Api(Terminology terminology) {
        this.terminology = terminology;
    }

    /** Diagnoses by code prefix ({@code I1}) or the beginnings of Russian words ({@code гиперт}). */
    @GetMapping("/api/v1/icd10")
    List<Entry> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit) {
        return terminology.searchIcd10(q, limit).stream()
                .map(e -> new Entry(e.code(), e.name(), e.actual()))
                .toList();
    }

    /** Imports the ministry's NSI file (multipart {@code file}); platform administrators only. */
    @PostMapping(path = "/api/v1/icd10/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    ImportResult importFile(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInput("file", "validation.required");
        }
        try {
            return terminology.importIcd10(user, file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
