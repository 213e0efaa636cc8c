package org.medkarta.audit.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.medkarta.audit.AuditRecord;
import org.medkarta.audit.AuditTrail;
import org.medkarta.audit.Verification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's search, export and verification (SPEC G3). The patient's access log is served
 * by the access module, which decides whose log a person may read.
 */
@RestController
@Tag(name = "Audit")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    List<AuditRecord> search(
            @RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return trail.search(actorId, patientId, start(from), end(to), 1000);
    }

    @GetMapping(value = "/api/v1/audit.csv", produces = "text/csv")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    ResponseEntity<String> export(
            @RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
                .body(AuditCsv.of(trail.search(actorId, patientId, start(from), end(to), 100_000)));
    }

    @GetMapping("/api/v1/audit/verify")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    Verification verify() {
        return trail.verify();
    }

    static Instant start(LocalDate from) {
        return from == null ? Instant.EPOCH : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static Instant end(LocalDate to) {
        return to == null
                ? Instant.parse("9999-12-31T00:00:00Z")
                : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
