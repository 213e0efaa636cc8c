package org.medkarta.consultation.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.consultation.ConsultationAttachments;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The files of a consultation request from the consultation page (SPEC D1, D7): attaching one, downloading one. */
@Controller
class ConsultationFilePages {

    private final ConsultationAttachments attachments;
    private final ConsultationPage page;

    ConsultationFilePages(ConsultationAttachments attachments, ConsultationPage page) {
        this.attachments = attachments;
        this.page = page;
    }

    @PostMapping("/consultations/{id}/attachments")
    String attach(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            Locale locale) {
        UUID consultation = DeskPages.uuid(id);
        try {
            var upload = DeskPages.uploads(file == null ? List.of() : List.of(file));
            if (upload.isEmpty()) {
                throw new org.medkarta.shared.InvalidInput("file", "validation.required");
            }
            attachments.attach(user, consultation, upload.get(0));
            return "redirect:/consultations/" + consultation + "?attached";
        } catch (DomainException refused) {
            return page.refused(user, consultation, refused, "attachment", Map.of(), model, locale);
        }
    }

    @GetMapping("/consultations/{id}/files/{file}")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String file) {
        var content = attachments.file(user, DeskPages.uuid(id), DeskPages.uuid(file));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.file().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(content.file().name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content.content());
    }
}
