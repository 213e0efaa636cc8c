package org.medkarta.scheduling.web;

import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentFiles;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.NoShows;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.TypedId;
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

/**
 * «Прикрепить файл» (issue 23, seed 001): an appointment's files page, for the patient to attach a
 * referral or earlier results after booking, and for the doctor and their clinic's staff to read them;
 * there the doctor also marks that the patient did not come («Пациент не пришёл», SPEC J3).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class AppointmentFilePages {

    private final AppointmentFiles files;
    private final AppointmentReading appointmentReading;
    private final NoShows noShows;
    private final PageErrors errors;

    AppointmentFilePages(
            AppointmentFiles files, AppointmentReading appointmentReading, NoShows noShows, PageErrors errors) {
        this.noShows = noShows;
        this.files = files;
        this.appointmentReading = appointmentReading;
        this.errors = errors;
    }

    @GetMapping("/appointments/{id}/files")
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        return page(user, TypedId.parse(id, "id"), model);
    }

    @PostMapping("/appointments/{id}/files")
    String attach(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            Locale locale) {
        UUID appointment = TypedId.parse(id, "id");
        try {
            files.attach(user, appointment, AppointmentFileDownloads.name(file), AppointmentFileDownloads.bytes(file));
            return "redirect:/appointments/" + appointment + "/files?attached";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            return page(user, appointment, model);
        }
    }

    /** «Пациент не пришёл»: the doctor or their clinic's administrator marks the visit missed. */
    @PostMapping("/appointments/{id}/no-show")
    String noShow(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        UUID appointment = TypedId.parse(id, "id");
        try {
            noShows.mark(user, appointment);
            return "redirect:/appointments/" + appointment + "/files?noShow";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            return page(user, appointment, model);
        }
    }

    @GetMapping("/appointments/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String fileId) {
        return AppointmentFileDownloads.download(
                files.open(user, TypedId.parse(id, "id"), TypedId.parse(fileId, "fileId")));
    }

    private String page(SignedInUser user, UUID appointment, Model model) {
        var seen = appointmentReading.appointment(user, appointment);
        model.addAttribute(
                "card", appointmentReading.cards(user, java.util.List.of(seen)).get(0));
        model.addAttribute("files", files.list(user, appointment));
        model.addAttribute("open", files.open(seen));
        model.addAttribute("maxFiles", AppointmentFiles.MAX_FILES);
        model.addAttribute("noShow", seen.noShow());
        model.addAttribute("markable", noShows.mayMark(user, seen) && noShows.markable(seen));
        return "scheduling/appointment-files";
    }
}
