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
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The patient's access log and the administrator's search, export and verification (SPEC G3). */
@RestController
@Tag(name = "Audit")
class AuditApi {

    /** One line of a patient's access log, as the contract names its fields. */
    record AccessLogLine(Instant at, UUID actor, String role, String action, String outcome) {}

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    /** Who opened a record; a record that is not the caller's own answers 404, revealing nothing. */
    @GetMapping("/api/v1/patients/{patientId}/access-log")
    @PreAuthorize("isAuthenticated()")
    List<AccessLogLine> accessLog(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID patientId) {
        if (user.patientId() == null || !user.patientId().value().equals(patientId)) {
            throw new NotFound();
        }
        return trail.ofPatient(patientId, 500).stream()
                .map(entry ->
                        new AccessLogLine(entry.at(), entry.actor(), entry.role(), entry.action(), entry.outcome()))
                .toList();
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
