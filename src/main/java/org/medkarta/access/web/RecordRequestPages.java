package org.medkarta.access.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkarta.access.RecordRequestForm;
import org.medkarta.access.RecordRequests;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The patient's record-access requests (SPEC E0): the form, with the name and birth date taken from
 * the account, and the list of requests with their states. The scans of a request open here for its
 * author and for the registry of its clinic alike.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class RecordRequestPages {

    private final RecordRequests requests;
    private final ClinicCatalogue clinics;
    private final AccountDirectory identity;
    private final PageErrors errors;

    RecordRequestPages(RecordRequests requests, ClinicCatalogue clinics, AccountDirectory identity, PageErrors errors) {
        this.requests = requests;
        this.clinics = clinics;
        this.identity = identity;
        this.errors = errors;
    }

    /** The form as typed; files are not kept between attempts. */
    public record Form(
            boolean forChild,
            String clinicId,
            String lastName,
            String firstName,
            String patronymic,
            String birthDate,
            String documentType,
            String documentSeries,
            String documentNumber,
            String documentIssuedOn,
            String documentIssuer,
            String omsNumber,
            String snils) {}

    @GetMapping("/access/record-requests")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("requests", requests.mine(user));
        return "access/record-requests";
    }

    @GetMapping("/access/record-requests/new")
    String form(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) boolean child, Model model) {
        if (!model.containsAttribute("form")) {
            var account = identity.account(user.userId()).orElseThrow(NotFound::new);
            model.addAttribute(
                    "form",
                    child
                            ? new Form(
                                    true,
                                    "",
                                    null,
                                    null,
                                    null,
                                    null,
                                    "BIRTH_CERTIFICATE",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null)
                            : new Form(
                                    false,
                                    "",
                                    account.lastName(),
                                    account.firstName(),
                                    account.patronymic(),
                                    account.birthDate() == null
                                            ? null
                                            : account.birthDate().toString(),
                                    "RF_PASSPORT",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null));
        }
        model.addAttribute("clinics", clinics.catalogue(null));
        return "access/record-request-form";
    }

    @PostMapping("/access/record-requests")
    String file(
            @AuthenticationPrincipal SignedInUser user,
            @ModelAttribute Form form,
            @RequestParam(required = false) MultipartFile documentScan,
            @RequestParam(required = false) List<MultipartFile> scans,
            Model model,
            Locale locale) {
        try {
            String clinic = form.clinicId() == null || form.clinicId().isBlank() ? null : form.clinicId();
            requests.file(
                    user,
                    new RecordRequestForm(
                            form.forChild(),
                            clinic,
                            clinic == null,
                            form.lastName(),
                            form.firstName(),
                            form.patronymic(),
                            form.birthDate(),
                            form.documentType(),
                            form.documentSeries(),
                            form.documentNumber(),
                            form.documentIssuedOn(),
                            form.documentIssuer(),
                            form.omsNumber(),
                            form.snils()),
                    RecordRequestApi.scans(documentScan, scans));
            return "redirect:/access/record-requests?filed";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("form", form);
            model.addAttribute("errors", errors.of(refused, locale, Map.of("request-open", "clinicId")));
            return form(user, form.forChild(), model);
        }
    }

    @GetMapping("/access/record-requests/{id}/scans/{scanId}")
    ResponseEntity<byte[]> scan(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String scanId) {
        return inline(requests.scan(user, TypedId.parse(id, "id"), TypedId.parse(scanId, "scanId")));
    }

    /** Shown in the page (an image beside the record's data), not downloaded. */
    private static ResponseEntity<byte[]> inline(org.medkarta.files.FileContent content) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        content.file().mediaType()))
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.inline()
                                .filename(content.file().name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content.content());
    }
}
