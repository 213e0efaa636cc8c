package org.medkarta.questionnaire.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.questionnaire.Definitions;
import org.medkarta.questionnaire.ItemForm;
import org.medkarta.questionnaire.QuestionnaireForm;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The items of a questionnaire's draft in its editor (SPEC E9): adding one, its errors shown beside
 * the new item's fields, and removing one. The editor page itself is {@link QuestionnaireAdminPages}'.
 * Anyone but the clinic's administrators is answered 404.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class QuestionnaireItemPages {

    private final Definitions definitions;
    private final QuestionnaireAdminPages admin;
    private final PageErrors errors;

    QuestionnaireItemPages(Definitions definitions, QuestionnaireAdminPages admin, PageErrors errors) {
        this.definitions = definitions;
        this.admin = admin;
        this.errors = errors;
    }

    @PostMapping("/admin/questionnaires/{qid}/items")
    String addItem(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String qid,
            @RequestParam Map<String, String> params,
            @RequestParam(required = false) boolean required,
            @RequestParam(required = false) boolean repeats,
            Model model,
            Locale locale) {
        var questionnaire = definitions.administered(user, QuestionnaireAdminPages.uuid(qid));
        String options = params.getOrDefault("answerOptions", "");
        var item = new ItemForm(
                params.get("linkId"),
                params.get("text"),
                params.get("type"),
                required,
                repeats,
                params.get("unit"),
                params.get("minValue"),
                params.get("maxValue"),
                options.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList(),
                params.get("enableWhenQuestion"),
                params.get("enableWhenAnswer"),
                params.get("measure"));
        var items = new ArrayList<>(QuestionnaireAdminPages.items(questionnaire));
        items.add(item);
        String prefix = "item[" + (items.size() - 1) + "].";
        var form = new QuestionnaireForm(
                questionnaire.title(),
                questionnaire.description(),
                items,
                questionnaire.serviceIds().stream().map(UUID::toString).toList(),
                questionnaire.openToAll());
        try {
            definitions.update(user, questionnaire.id(), form);
            return "redirect:/admin/questionnaires/" + qid + "?added#items";
        } catch (NotFound notAdministrator) {
            throw notAdministrator;
        } catch (DomainException refused) {
            var byField = new LinkedHashMap<String, String>();
            errors.of(refused, locale)
                    .forEach((field, message) -> byField.putIfAbsent(
                            field.startsWith(prefix) ? "new." + field.substring(prefix.length()) : field, message));
            model.addAttribute("errors", byField);
            var values = new LinkedHashMap<String, Object>(params);
            values.put("required", required);
            values.put("repeats", repeats);
            model.addAttribute("values", values);
            return admin.edit(user, qid, model);
        }
    }

    @PostMapping("/admin/questionnaires/{qid}/items/{linkId}/remove")
    String removeItem(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String qid,
            @PathVariable String linkId,
            Model model,
            Locale locale) {
        var questionnaire = definitions.administered(user, QuestionnaireAdminPages.uuid(qid));
        var items = QuestionnaireAdminPages.items(questionnaire).stream()
                .filter(item -> !item.linkId().equals(linkId))
                .toList();
        var form = new QuestionnaireForm(
                questionnaire.title(),
                questionnaire.description(),
                items,
                questionnaire.serviceIds().stream().map(UUID::toString).toList(),
                questionnaire.openToAll());
        return admin.act(
                user,
                qid,
                model,
                locale,
                "removed",
                Map.of(),
                () -> definitions.update(user, questionnaire.id(), form));
    }
}
