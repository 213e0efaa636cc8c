package org.medkarta.record.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.Extracts;
import org.medkarta.record.RecordReading;
import org.medkarta.record.RecordUploads;
import org.medkarta.record.UploadForm;
import org.medkarta.shared.DomainException;
import org.medkarta.web.PageErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The patient's uploads page and the doctor's verification queue (SPEC E5). */
@Controller
@PreAuthorize("isAuthenticated()")
class UploadPages {

    private final RecordAccess access;
    private final RecordReading reading;
    private final RecordUploads uploads;
    private final PageErrors errors;
    private final Extracts extracts;

    UploadPages(
            RecordAccess access, RecordReading reading, RecordUploads uploads, PageErrors errors, Extracts extracts) {
        this.extracts = extracts;
        this.access = access;
        this.reading = reading;
        this.uploads = uploads;
        this.errors = errors;
    }

    @GetMapping("/record/{id}/uploads")
    String list(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return page(model, user, decision);
    }

    @PostMapping("/record/{id}/uploads")
    String upload(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        try {
            uploads.upload(
                    decision,
                    user,
                    new UploadForm(
                            params.get("kind"),
                            params.get("title"),
                            params.get("vaccine"),
                            params.get("date"),
                            params.get("series")),
                    file == null ? null : file.getOriginalFilename(),
                    UploadApi.bytes(file));
            return "redirect:/record/" + id + "/uploads?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("form", params);
            return page(model, user, decision);
        }
    }

    @GetMapping("/record/{id}/uploads/{uploadId}/file")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String uploadId) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        return UploadApi.file(uploads.content(decision, Params.id(uploadId, "uploadId")));
    }

    @GetMapping("/record/verification")
    String queue(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("queue", uploads.verificationQueue(user));
        return "record/verification";
    }

    @PostMapping("/record/{id}/uploads/{uploadId}/verify")
    String verify(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String uploadId,
            @RequestParam(required = false) String from,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        try {
            uploads.verify(decision, user, Params.id(uploadId, "uploadId"));
            return "uploads".equals(from)
                    ? "redirect:/record/" + id + "/uploads?verified"
                    : "redirect:/record/verification?verified";
        } catch (DomainException refused) {
            model.addAttribute("errors", Map.of(PageErrors.FORM, errors.message(refused, locale)));
            if ("uploads".equals(from)) {
                return page(model, user, decision);
            }
            model.addAttribute("queue", uploads.verificationQueue(user));
            return "record/verification";
        }
    }

    @PostMapping("/record/{id}/uploads/{uploadId}/reject")
    String reject(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String uploadId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String from,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        try {
            uploads.reject(decision, user, Params.id(uploadId, "uploadId"), reason);
            return "uploads".equals(from)
                    ? "redirect:/record/" + id + "/uploads?rejected"
                    : "redirect:/record/verification?rejected";
        } catch (DomainException refused) {
            model.addAttribute("errors", Map.of("reason-" + uploadId, errors.message(refused, locale)));
            if ("uploads".equals(from)) {
                return page(model, user, decision);
            }
            model.addAttribute("queue", uploads.verificationQueue(user));
            return "record/verification";
        }
    }

    private String page(Model model, SignedInUser user, AccessDecision decision) {
        model.addAttribute("patientId", decision.patient().value());
        model.addAttribute("records", access.records(user));
        model.addAttribute(
                "clinician",
                user.has(Role.DOCTOR)
                        && (decision.relation().name().equals("CLINICIAN")
                                || decision.relation().name().equals("EMERGENCY")));
        model.addAttribute("header", reading.header(decision));
        model.addAttribute("uploads", uploads.uploads(decision));
        // The record's documents include its extracts (SPEC E10).
        model.addAttribute("extracts", extracts.list(decision));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "record/uploads";
    }
}
