package org.medkarta.questionnaire.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.access.AccessLevel;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.access.RecordRef;
import org.medkarta.access.Relation;
import org.medkarta.identity.SignedInUser;
import org.medkarta.questionnaire.AnswerForm;
import org.medkarta.questionnaire.Filling;
import org.medkarta.questionnaire.Item;
import org.medkarta.questionnaire.ResponseReading;
import org.medkarta.questionnaire.ResponseView;
import org.medkarta.questionnaire.TaskView;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient's questionnaires (SPEC E9): «Заполните анкету» for each one asked of them (also as a
 * fragment the appointments page loads), their submitted answers, and the fill page, made for a
 * phone: one column, native inputs, conditions shown and hidden as answered, a draft saved to come
 * back to, and each wrong answer's message beside its item.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class FillPages {

    /** Answers arrive as {@code a.<linkId>} parameters, several for a multiple choice. */
    static final String ANSWER = "a.";

    private final RecordAccess access;
    private final Filling filling;
    private final ResponseReading reading;
    private final PageErrors errors;

    FillPages(RecordAccess access, Filling filling, ResponseReading reading, PageErrors errors) {
        this.access = access;
        this.filling = filling;
        this.reading = reading;
        this.errors = errors;
    }

    /** A record the signed-in person fills questionnaires for, with what is asked and answered. */
    record Mine(PatientId patientId, Relation relation, List<TaskView> tasks, List<ResponseView> responses) {}

    @GetMapping("/questionnaires")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("records", records(user, true));
        return "questionnaire/mine";
    }

    /** «Заполните анкету» for the appointments page, loaded by htmx; empty when nothing is asked. */
    @GetMapping("/questionnaires/tasks-fragment")
    String tasksFragment(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("records", records(user, false));
        return "questionnaire/mine :: tasks";
    }

    private List<Mine> records(SignedInUser user, boolean withResponses) {
        var found = new ArrayList<Mine>();
        for (RecordRef ref : access.records(user)) {
            boolean fills = ref.relation() == Relation.SELF
                    || ref.relation() == Relation.PARENT
                    || ref.level() == AccessLevel.FULL;
            if (!fills) {
                continue;
            }
            var decision = access.require(user, ref.patientId(), RecordAction.VIEW);
            found.add(new Mine(
                    ref.patientId(),
                    ref.relation(),
                    filling.tasks(decision),
                    withResponses ? reading.responses(decision) : List.of()));
        }
        return found;
    }

    @GetMapping("/questionnaires/{qid}/fill")
    String fill(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String qid,
            @RequestParam(required = false) String patient,
            @RequestParam(required = false) String assignment,
            Model model) {
        PatientId record = patient(user, patient);
        var decision = access.require(user, record, RecordAction.CONTRIBUTE);
        var fill = filling.fill(decision, QuestionnaireAdminPages.uuid(qid), optional(assignment));
        return page(model, record, fill.questionnaire(), fill.assignmentId(), fill.answers(), Map.of());
    }

    @PostMapping("/questionnaires/{qid}/fill")
    String save(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String qid,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            Locale locale) {
        PatientId record = patient(user, params.getFirst("patient"));
        UUID assignment = optional(params.getFirst("assignment"));
        boolean submit = "submit".equals(params.getFirst("action"));
        var answers = new ArrayList<AnswerForm>();
        var given = new LinkedHashMap<String, List<String>>();
        params.forEach((name, values) -> {
            if (name.startsWith(ANSWER)) {
                answers.add(new AnswerForm(name.substring(ANSWER.length()), values));
                given.put(name.substring(ANSWER.length()), values);
            }
        });
        var decision = access.require(user, record, RecordAction.CONTRIBUTE);
        UUID questionnaire = QuestionnaireAdminPages.uuid(qid);
        try {
            filling.respond(decision, user, questionnaire, assignment, answers, submit);
            return "redirect:/questionnaires?" + (submit ? "submitted" : "saved");
        } catch (NotFound notAsked) {
            throw notAsked;
        } catch (DomainException refused) {
            var fill = filling.fill(decision, questionnaire, assignment);
            return page(model, record, fill.questionnaire(), fill.assignmentId(), given, errors.of(refused, locale));
        }
    }

    private static String page(
            Model model,
            PatientId patient,
            org.medkarta.questionnaire.QuestionnaireView questionnaire,
            UUID assignment,
            Map<String, List<String>> answers,
            Map<String, String> byField) {
        model.addAttribute("q", questionnaire);
        model.addAttribute("patientId", patient.value());
        model.addAttribute("assignmentId", assignment);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", byField);
        model.addAttribute("conditions", conditions(questionnaire.items()));
        return "questionnaire/fill";
    }

    /** linkId → "question=answer" for the page's script that shows and hides conditional items. */
    private static Map<String, String> conditions(List<Item> items) {
        var found = new LinkedHashMap<String, String>();
        for (Item item : items) {
            if (item.enableWhen() != null) {
                found.put(item.linkId(), item.enableWhen().question());
            }
        }
        return found;
    }

    private static PatientId patient(SignedInUser user, String patient) {
        if (patient == null || patient.isBlank()) {
            if (user.patientId() == null) {
                throw new NotFound();
            }
            return user.patientId();
        }
        return new PatientId(QuestionnaireAdminPages.uuid(patient));
    }

    private static UUID optional(String id) {
        return id == null || id.isBlank() ? null : QuestionnaireAdminPages.uuid(id);
    }
}
