package org.medkarta.access.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.access.RecordCandidate;
import org.medkarta.access.RecordRequestForm;
import org.medkarta.access.RecordRequestQueue;
import org.medkarta.access.RecordRequestScan;
import org.medkarta.access.RecordRequestState;
import org.medkarta.access.RecordRequestView;
import org.medkarta.access.RecordRequests;
import org.medkarta.files.FileContent;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.TypedId;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Record-access requests over the API (SPEC E0, issue 17): a patient files one with typed fields
 * and scans and follows it; the registry of the clinic it went to works its queue.
 */
@RestController
@Tag(name = "Record-access requests")
@PreAuthorize("isAuthenticated()")
class RecordRequestApi {

    private final RecordRequests requests;
    private final RecordRequestQueue queue;

    RecordRequestApi(RecordRequests requests, RecordRequestQueue queue) {
        this.requests = requests;
        this.queue = queue;
    }

    record Candidates(RecordRequestView request, List<RecordCandidate> candidates) {}

    record ApproveBody(String patientId) {}

    record RefuseBody(String reason) {}

    record AutoApproval(boolean autoApproveExactMatches) {}

    @PostMapping(value = "/api/v1/record-access-requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    List<RecordRequestView> file(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) Boolean forChild,
            @RequestParam(required = false) String clinicId,
            @RequestParam(required = false) Boolean allClinics,
            @RequestParam(required = false) String lastName,
            @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String patronymic,
            @RequestParam(required = false) String birthDate,
            @RequestParam(required = false) String documentType,
            @RequestParam(required = false) String documentSeries,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) String documentIssuedOn,
            @RequestParam(required = false) String documentIssuer,
            @RequestParam(required = false) String omsNumber,
            @RequestParam(required = false) String snils,
            @RequestParam(required = false) MultipartFile documentScan,
            @RequestParam(required = false) List<MultipartFile> scans) {
        return requests.file(
                user,
                new RecordRequestForm(
                        Boolean.TRUE.equals(forChild),
                        clinicId,
                        Boolean.TRUE.equals(allClinics),
                        lastName,
                        firstName,
                        patronymic,
                        birthDate,
                        documentType,
                        documentSeries,
                        documentNumber,
                        documentIssuedOn,
                        documentIssuer,
                        omsNumber,
                        snils),
                scans(documentScan, scans));
    }

    /** The caller's own requests; with {@code clinicId}, that clinic's registry queue (staff). */
    @GetMapping("/api/v1/record-access-requests")
    List<RecordRequestView> list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String clinicId,
            @RequestParam(required = false) String state) {
        if (clinicId == null || clinicId.isBlank()) {
            return requests.mine(user);
        }
        return queue.queue(user, new ClinicId(TypedId.parse(clinicId, "clinicId")), state(state));
    }

    @GetMapping("/api/v1/record-access-requests/{id}")
    RecordRequestView one(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return requests.one(user, TypedId.parse(id, "id"));
    }

    @GetMapping("/api/v1/record-access-requests/{id}/candidates")
    Candidates candidates(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        UUID request = TypedId.parse(id, "id");
        var candidates = queue.candidates(user, request);
        return new Candidates(requests.one(user, request), candidates);
    }

    @GetMapping("/api/v1/record-access-requests/{id}/scans/{scanId}")
    ResponseEntity<byte[]> scan(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String scanId) {
        return file(requests.scan(user, TypedId.parse(id, "id"), TypedId.parse(scanId, "scanId")));
    }

    @PostMapping("/api/v1/record-access-requests/{id}/take")
    RecordRequestView take(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return queue.take(user, TypedId.parse(id, "id"));
    }

    @PostMapping("/api/v1/record-access-requests/{id}/approve")
    RecordRequestView approve(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody ApproveBody body) {
        return queue.approve(user, TypedId.parse(id, "id"), body == null ? null : body.patientId());
    }

    @PostMapping("/api/v1/record-access-requests/{id}/refuse")
    RecordRequestView refuse(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody RefuseBody body) {
        return queue.refuse(user, TypedId.parse(id, "id"), body == null ? null : body.reason());
    }

    @GetMapping("/api/v1/clinics/{id}/record-access-settings")
    AutoApproval settings(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return new AutoApproval(queue.autoApproval(user, new ClinicId(TypedId.parse(id, "id"))));
    }

    @PutMapping("/api/v1/clinics/{id}/record-access-settings")
    AutoApproval changeSettings(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody AutoApproval body) {
        return new AutoApproval(queue.setAutoApproval(
                user, new ClinicId(TypedId.parse(id, "id")), body != null && body.autoApproveExactMatches()));
    }

    static RecordRequestState state(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return RecordRequestState.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("state", "access.request.validation.state");
        }
    }

    /** The identity document's scan first, then the other pages, each named by its field. */
    static List<RecordRequestScan> scans(MultipartFile documentScan, List<MultipartFile> others) {
        var scans = new ArrayList<RecordRequestScan>();
        if (documentScan != null && !documentScan.isEmpty()) {
            scans.add(new RecordRequestScan(
                    RecordRequestScan.Subject.IDENTITY_DOCUMENT,
                    "documentScan",
                    documentScan.getOriginalFilename(),
                    bytes(documentScan)));
        }
        if (others != null) {
            for (MultipartFile other : others) {
                if (other != null && !other.isEmpty()) {
                    scans.add(new RecordRequestScan(
                            RecordRequestScan.Subject.OTHER, "scans", other.getOriginalFilename(), bytes(other)));
                }
            }
        }
        return scans;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseEntity<byte[]> file(FileContent content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.file().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.file().name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content.content());
    }
}
