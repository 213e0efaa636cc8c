package org.medkarta.questionnaire.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.questionnaire.Definitions;
import org.medkarta.questionnaire.ItemForm;
import org.medkarta.questionnaire.ItemType;
import org.medkarta.questionnaire.QuestionnaireForm;
import org.medkarta.questionnaire.QuestionnaireStatus;
import org.medkarta.questionnaire.QuestionnaireView;
import org.medkarta.questionnaire.Sending;
import org.medkarta.record.Measure;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * «Анкеты» among a clinic's admin pages (SPEC E9): the clinic's questionnaires, and the editor of
 * one version (its details and assignment, publishing, a new version, sending it to chosen
 * patients; its items one by one in {@link QuestionnaireItemPages}). Anyone but the clinic's administrators is answered 404.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class QuestionnaireAdminPages {

    private final Definitions definitions;
    private final Sending sending;
    private final PageErrors errors;

    QuestionnaireAdminPages(Definitions definitions, Sending sending, PageErrors errors) {
        this.definitions = definitions;
        this.sending = sending;
        this.errors = errors;
    }

    @GetMapping("/admin/clinics/{id}/questionnaires")
    String list(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var clinic = clinic(id);
        model.addAttribute("clinic", definitions.clinic(user, clinic));
        model.addAttribute("questionnaires", definitions.ofClinic(user, clinic));
        noFormYet(model);
        return "questionnaire/admin-list";
    }

    @PostMapping("/admin/clinics/{id}/questionnaires")
    String create(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            Model model,
            Locale locale) {
        var clinic = clinic(id);
        try {
            var created = definitions.create(
                    user, clinic, new QuestionnaireForm(title, description, List.of(), List.of(), false));
            return "redirect:/admin/questionnaires/" + created.id();
        } catch (NotFound notAdministrator) {
            throw notAdministrator;
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("values", values("title", title, "description", description));
            return list(user, id, model);
        }
    }

    /** The editor of one version; its items are added and removed by {@link QuestionnaireItemPages}. */
    @GetMapping("/admin/questionnaires/{qid}")
    String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable String qid, Model model) {
        var questionnaire = definitions.administered(user, uuid(qid));
        model.addAttribute("q", questionnaire);
        model.addAttribute("clinic", definitions.clinic(user, questionnaire.clinicId()));
        model.addAttribute("services", definitions.services(user, questionnaire.clinicId()));
        model.addAttribute("types", ItemType.values());
        model.addAttribute(
                "measures",
                Arrays.stream(Measure.values()).filter(m -> !m.twoValues()).toList());
        model.addAttribute(
                "candidates",
                questionnaire.status() == QuestionnaireStatus.PUBLISHED
                        ? sending.candidates(user, questionnaire.id())
                        : List.of());
        noFormYet(model);
        return "questionnaire/admin-edit";
    }

    /** The draft's title, description and assignment (services, open to all). */
    @PostMapping("/admin/questionnaires/{qid}")
    String details(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String qid,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) List<String> serviceIds,
            @RequestParam(required = false) boolean openToAll,
            Model model,
            Locale locale) {
        var questionnaire = definitions.administered(user, uuid(qid));
        var form = new QuestionnaireForm(title, description, items(questionnaire), serviceIds, openToAll);
        return act(
                user, qid, model, locale, "saved", Map.of(), () -> definitions.update(user, questionnaire.id(), form));
    }

    @PostMapping("/admin/questionnaires/{qid}/publish")
    String publish(@AuthenticationPrincipal SignedInUser user, @PathVariable String qid, Model model, Locale locale) {
        return act(user, qid, model, locale, "published", Map.of(), () -> definitions.publish(user, uuid(qid)));
    }

    @PostMapping("/admin/questionnaires/{qid}/versions")
    String newVersion(@AuthenticationPrincipal SignedInUser user, @PathVariable String qid) {
        var draft = definitions.newVersion(user, uuid(qid));
        return "redirect:/admin/questionnaires/" + draft.id() + "?versioned";
    }

    @PostMapping("/admin/questionnaires/{qid}/send")
    String send(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String qid,
            @RequestParam(required = false) List<String> patientIds,
            Model model,
            Locale locale) {
        return act(user, qid, model, locale, "sent", Map.of(), () -> sending.send(user, uuid(qid), patientIds));
    }

    String act(
            SignedInUser user,
            String qid,
            Model model,
            Locale locale,
            String done,
            Map<String, String> fieldOfProblem,
            Runnable action) {
        try {
            action.run();
            return "redirect:/admin/questionnaires/" + qid + "?" + done;
        } catch (NotFound notAdministrator) {
            throw notAdministrator;
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale, fieldOfProblem));
            return edit(user, qid, model);
        }
    }

    static List<ItemForm> items(QuestionnaireView questionnaire) {
        return questionnaire.items().stream().map(ItemForm::of).toList();
    }

    private static Map<String, Object> values(Object... pairs) {
        var values = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return values;
    }

    private static ClinicId clinic(String id) {
        try {
            return ClinicId.of(id);
        } catch (InvalidInput malformed) {
            throw new NotFound();
        }
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound();
        }
    }

    /** A page shown afresh, not again after a refused form: no values typed, no errors. */
    private static void noFormYet(Model model) {
        model.mergeAttributes(Map.of("values", Map.of(), "errors", Map.of()));
    }
}
