package org.medkarta.fhir.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.fhir.BulkImport;
import org.medkarta.fhir.BulkImportUploads;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.web.PageErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * «Импорт медкарт из другой системы» (issue 15): a clinic's registrar or administrator uploads an
 * NDJSON set or a zip of Bundle files, follows the job's progress (htmx polling) and its refusals,
 * cancels or continues it, and sees the clinic's past jobs. Anyone else is answered 404.
 */
@Controller
@RequestMapping("/admin/clinics/{id}/fhir-import")
class BulkImportPages {

    private final BulkImport bulkImport;
    private final BulkImportUploads uploads;
    private final PageErrors errors;

    BulkImportPages(BulkImport bulkImport, BulkImportUploads uploads, PageErrors errors) {
        this.bulkImport = bulkImport;
        this.uploads = uploads;
        this.errors = errors;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var clinic = ClinicId.of(id);
        model.addAttribute("clinic", bulkImport.clinic(user, clinic));
        model.addAttribute("jobs", bulkImport.jobs(user, clinic));
        model.addAttribute("zone", bulkImport.timezone(clinic));
        return "fhir/import";
    }

    @PostMapping
    String upload(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model,
            Locale locale) {
        var clinic = ClinicId.of(id);
        var uploaded = new ArrayList<BulkImportUploads.Upload>();
        try {
            for (var file : files == null ? List.<MultipartFile>of() : files) {
                uploaded.add(new BulkImportUploads.Upload(file.getOriginalFilename(), file.getBytes()));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        try {
            var job = uploads.upload(user, clinic, uploaded, locale);
            return "redirect:/admin/clinics/" + id + "/fhir-import/" + job.id();
        } catch (NotFound notStaff) {
            throw notStaff;
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            return page(user, id, model);
        }
    }

    @GetMapping("/{job}")
    String job(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String job,
            Model model) {
        jobModel(user, id, job, model);
        return "fhir/import-job";
    }

    @HxRequest
    @GetMapping("/{job}")
    String progress(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String job,
            Model model) {
        jobModel(user, id, job, model);
        return "fhir/import-job :: progress";
    }

    @PostMapping("/{job}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String job) {
        bulkImport.cancel(user, ClinicId.of(id), uuid(job));
        return "redirect:/admin/clinics/" + id + "/fhir-import/" + job;
    }

    @PostMapping("/{job}/resume")
    String resume(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String job) {
        bulkImport.resume(user, ClinicId.of(id), uuid(job));
        return "redirect:/admin/clinics/" + id + "/fhir-import/" + job;
    }

    private void jobModel(SignedInUser user, String id, String job, Model model) {
        var clinic = ClinicId.of(id);
        var found = bulkImport.job(user, clinic, uuid(job));
        model.addAttribute("clinic", bulkImport.clinic(user, clinic));
        model.addAttribute("job", found);
        model.addAttribute("activeHere", bulkImport.activeHere(found.id()));
        model.addAttribute("zone", bulkImport.timezone(clinic));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound();
        }
    }
}
