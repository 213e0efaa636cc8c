package org.medkarta.record.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.ExtractForm;
import org.medkarta.record.ExtractView;
import org.medkarta.record.Extracts;
import org.medkarta.shared.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extracts of the record over the API (SPEC E10, issue 17): ordered under the patient, then polled
 * and downloaded by their own id. Each request asks the policy point once, for a download from the
 * extract's record.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Medical record")
class ExtractApi {

    /** What an extract is ordered with; every part optional. */
    record Order(List<String> sections, String from, String to, String clinicId) {}

    /** An extract, its progress and, once done, where to download it. */
    record Extract(
            UUID id,
            UUID patientId,
            String state,
            int progress,
            List<String> sections,
            LocalDate from,
            LocalDate to,
            UUID clinicId,
            String clinicName,
            Instant orderedAt,
            Instant finishedAt,
            Integer entries,
            boolean signed,
            String signerName,
            String signerSerial,
            String verifyUrl,
            String failure,
            Map<String, String> links) {

        static Extract of(ExtractView view, MessageSource messages, Locale locale) {
            String self = "/api/v1/extracts/" + view.id();
            var links = new java.util.LinkedHashMap<String, String>();
            links.put("self", self);
            if (view.state() == org.medkarta.record.ExtractState.DONE) {
                links.put("pdf", self + ".pdf");
                if (view.signed()) {
                    links.put("signature", self + ".pdf.sig");
                }
            }
            return new Extract(
                    view.id(),
                    view.patientId().value(),
                    view.state().name(),
                    view.progress(),
                    view.sections().stream().map(Enum::name).toList(),
                    view.from(),
                    view.to(),
                    view.clinicId() == null ? null : view.clinicId().value(),
                    view.clinicName(),
                    view.orderedAt(),
                    view.finishedAt(),
                    view.entries(),
                    view.signed(),
                    view.signerName(),
                    view.signerSerial(),
                    view.verifyUrl(),
                    view.failure() == null ? null : messages.getMessage(view.failure(), null, view.failure(), locale),
                    links);
        }
    }

    private final RecordAccess access;
    private final Extracts extracts;
    private final MessageSource messages;

    ExtractApi(RecordAccess access, Extracts extracts, MessageSource messages) {
        this.access = access;
        this.extracts = extracts;
        this.messages = messages;
    }

    @PostMapping("/api/v1/patients/{id}/extracts")
    @Operation(summary = "Orders an extract of the record as a PDF")
    ResponseEntity<Extract> order(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody(required = false) Order order,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        var form = order == null
                ? new ExtractForm(List.of(), null, null, null)
                : new ExtractForm(order.sections(), order.from(), order.to(), order.clinicId());
        var view = extracts.order(decision, user, form);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/extracts/" + view.id()))
                .body(Extract.of(view, messages, locale));
    }

    @GetMapping("/api/v1/patients/{id}/extracts")
    @Operation(summary = "The extracts of the record, newest first")
    List<Extract> list(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return extracts.list(decision).stream()
                .map(view -> Extract.of(view, messages, locale))
                .toList();
    }

    @GetMapping("/api/v1/extracts/{extractId}")
    @Operation(summary = "An extract's state, progress and links")
    Extract extract(@AuthenticationPrincipal SignedInUser user, @PathVariable String extractId, Locale locale) {
        UUID id = Params.id(extractId, "extractId");
        var decision = access.require(user, extracts.recordOf(id).orElseThrow(NotFound::new), RecordAction.DOWNLOAD);
        return Extract.of(extracts.extract(decision, id), messages, locale);
    }

    @GetMapping("/api/v1/extracts/{extractId}.pdf")
    @Operation(summary = "The extract's PDF, byte for byte as signed")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser user, @PathVariable String extractId) {
        UUID id = Params.id(extractId, "extractId");
        var decision = access.require(user, extracts.recordOf(id).orElseThrow(NotFound::new), RecordAction.DOWNLOAD);
        return UploadApi.file(extracts.pdf(decision, id));
    }

    @GetMapping("/api/v1/extracts/{extractId}.pdf.sig")
    @Operation(summary = "The issuing clinic's detached signature (CMS, DER) of the extract's PDF")
    ResponseEntity<byte[]> signature(@AuthenticationPrincipal SignedInUser user, @PathVariable String extractId) {
        UUID id = Params.id(extractId, "extractId");
        var decision = access.require(user, extracts.recordOf(id).orElseThrow(NotFound::new), RecordAction.DOWNLOAD);
        return UploadApi.file(extracts.signature(decision, id));
    }
}
