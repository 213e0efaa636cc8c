package org.medkarta.clinic.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Attachment of patients to clinics (SPEC B6): a patient asks, the clinic confirms or refuses. */
@RestController
@Tag(name = "Attachment")
class AttachmentApi {

    record AttachmentRequest(String kind) {}

    record Refusal(String reason) {}

    record Appeal(String text) {}

    private final PatientAttachments directory;

    AttachmentApi(PatientAttachments directory) {
        this.directory = directory;
    }

    /** The signed-in patient asks to be attached: {@code kind} GENERAL|DENTAL|WOMENS. */
    @PostMapping("/api/v1/clinics/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PATIENT')")
    Json.Attachment request(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody AttachmentRequest body) {
        return Json.Attachment.of(directory.requestAttachment(user, ClinicId.of(id), body.kind()));
    }

    /** The signed-in patient's attachments and requests. */
    @GetMapping("/api/v1/attachments")
    @PreAuthorize("hasRole('PATIENT')")
    List<Json.Attachment> mine(@AuthenticationPrincipal SignedInUser user) {
        return directory.attachmentsOf(user.patientId()).stream()
                .map(Json.Attachment::of)
                .toList();
    }

    /**
     * The signed-in patient answers a refusal of their request, once {@code {text}}: the request waits
     * for the clinic's decision again (issue 23).
     */
    @PostMapping("/api/v1/attachments/{id}/appeal")
    @PreAuthorize("hasRole('PATIENT')")
    Json.Attachment appeal(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Appeal body) {
        return Json.Attachment.of(directory.appealAttachment(user, TypedId.parse(id, "id"), body.text()));
    }

    @PostMapping("/api/v1/attachments/{id}/confirm")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
    Json.Attachment confirm(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Locale locale) {
        return Json.Attachment.of(directory.confirmAttachment(user, TypedId.parse(id, "id"), locale));
    }

    @PostMapping("/api/v1/attachments/{id}/refuse")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
    Json.Attachment refuse(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody Refusal body,
            Locale locale) {
        return Json.Attachment.of(directory.refuseAttachment(user, TypedId.parse(id, "id"), body.reason(), locale));
    }
}
