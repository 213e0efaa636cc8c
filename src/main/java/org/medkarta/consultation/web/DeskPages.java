package org.medkarta.consultation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.consultation.ConsultationDesk;
import org.medkarta.consultation.ConsultationRequests;
import org.medkarta.consultation.ConsultationRouting;
import org.medkarta.consultation.ConsultationState;
import org.medkarta.consultation.ConsultationView;
import org.medkarta.consultation.DeskFilter;
import org.medkarta.consultation.RequestForm;
import org.medkarta.consultation.Upload;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.web.PageErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The doctor's desk and the patient's same view of their own (seed 004: «Новые обращения» with
 * «Просроченные», «В работе», «Закрытые обращения»; SPEC D2), the consultation page, taking a request
 * into work and telling about the case (D1, D3–D5). The protocol, the files and routing have
 * controllers of their own, each showing the same consultation page ({@link ConsultationPage}).
 */
@Controller
class DeskPages {

    static final List<ConsultationState> TABS = List.of(
            ConsultationState.NEW, ConsultationState.OVERDUE, ConsultationState.IN_WORK, ConsultationState.CLOSED);

    private final ConsultationDesk desk;
    private final ConsultationRouting routing;
    private final ConsultationRequests requests;
    private final ConsultationPage page;
    private final PageErrors errors;

    DeskPages(
            ConsultationDesk desk,
            ConsultationRouting routing,
            ConsultationRequests requests,
            ConsultationPage page,
            PageErrors errors) {
        this.desk = desk;
        this.routing = routing;
        this.requests = requests;
        this.page = page;
        this.errors = errors;
    }

    @GetMapping("/consultations")
    String desk(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String patient,
            Model model,
            Locale locale) {
        DeskFilter filter = DeskFilter.NONE;
        ConsultationState tab = ConsultationState.NEW;
        try {
            filter = DeskRequests.filter(date, channel, patient);
            if (state != null && !state.isBlank()) {
                tab = DeskRequests.state(state);
            }
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
        }
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", TABS);
        model.addAttribute("counts", desk.counts(user, filter));
        if (tab == ConsultationState.NEW) {
            // «В данном разделе отображаются "Просроченные обращения" и "Новые обращения"» (seed 004).
            model.addAttribute("overdue", desk.desk(user, ConsultationState.OVERDUE, filter));
        }
        model.addAttribute("consultations", desk.desk(user, tab, filter));
        model.addAttribute("date", date);
        model.addAttribute("channel", channel);
        model.addAttribute("patient", patient);
        model.addAttribute("referrals", routing.myReferrals(user));
        model.addAttribute("specialtyNames", page.specialtyNames());
        return "consultation/desk";
    }

    @GetMapping("/consultations/{id}")
    String consultation(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        return page.page(user, uuid(id), model);
    }

    @PostMapping("/consultations/{id}/take")
    String take(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        UUID consultation = uuid(id);
        try {
            requests.take(user, consultation);
            return "redirect:/consultations/" + consultation + "?taken";
        } catch (DomainException refused) {
            return page.refused(user, consultation, refused, "take", Map.of(), model, locale);
        }
    }

    @PostMapping("/consultations/{id}/request")
    String describe(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        UUID consultation = uuid(id);
        try {
            requests.describe(
                    user,
                    consultation,
                    new RequestForm(
                            form.getFirst("question"), form.getFirst("anamnesis"), form.getFirst("complaints")));
            return "redirect:/consultations/" + consultation + "?described";
        } catch (DomainException refused) {
            return page.refused(user, consultation, refused, "request", form.toSingleValueMap(), model, locale);
        }
    }

    static List<Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        var uploads = new ArrayList<Upload>();
        for (var file : files) {
            if (file == null
                    || file.isEmpty()
                            && (file.getOriginalFilename() == null
                                    || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return uploads;
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException wrong) {
            throw new NotFound();
        }
    }

    /** For templates: whether a consultation is shown as overdue. */
    static boolean overdue(ConsultationView c) {
        return c.state() == ConsultationState.OVERDUE;
    }
}
