package org.medkarta.questionnaire.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medkarta.questionnaire.AnswerForm;
import org.medkarta.questionnaire.Item;
import org.medkarta.questionnaire.ItemForm;
import org.medkarta.questionnaire.ItemType;
import org.medkarta.questionnaire.QuestionnaireForm;
import org.medkarta.questionnaire.QuestionnaireView;
import org.medkarta.questionnaire.ResponseView;
import org.medkarta.questionnaire.TaskView;
import org.medkarta.shared.FieldErrors;

/**
 * The questionnaire API's JSON, shaped as FHIR R4's Questionnaire and QuestionnaireResponse (item,
 * linkId, type, enableWhen, answerOption; item.answer with valueString, valueDecimal, valueDate,
 * valueBoolean), so that the FHIR facade can expose them plainly.
 */
final class Json {

    private Json() {}

    // ---------------------------------------------------------------- Questionnaire

    record Option(String valueString) {}

    /** FHIR's enableWhen with the operator {@code =}: one of the answer[x] values. */
    record EnableWhen(
            String question,
            String operator,
            Object answerBoolean,
            Object answerString,
            Object answerDecimal,
            Object answerDate) {

        static EnableWhen of(Item item, QuestionnaireView questionnaire) {
            var condition = item.enableWhen();
            Item target = questionnaire.item(condition.question());
            ItemType type = target == null ? ItemType.STRING : target.type();
            return new EnableWhen(
                    condition.question(),
                    "=",
                    type == ItemType.BOOLEAN ? Boolean.valueOf(condition.answer()) : null,
                    type == ItemType.STRING || type == ItemType.TEXT || type == ItemType.CHOICE
                            ? condition.answer()
                            : null,
                    type == ItemType.DECIMAL ? new BigDecimal(condition.answer()) : null,
                    type == ItemType.DATE ? condition.answer() : null);
        }

        String answer() {
            for (Object value : new Object[] {answerBoolean, answerString, answerDecimal, answerDate}) {
                if (value != null) {
                    return value.toString();
                }
            }
            return null;
        }
    }

    record QuestionnaireItem(
            String linkId,
            String text,
            String type,
            Boolean required,
            Boolean repeats,
            String unit,
            Object minValue,
            Object maxValue,
            List<Option> answerOption,
            List<EnableWhen> enableWhen,
            String measure) {

        static QuestionnaireItem of(Item item, QuestionnaireView questionnaire) {
            return new QuestionnaireItem(
                    item.linkId(),
                    item.text(),
                    item.type().code(),
                    item.required(),
                    item.repeats(),
                    item.unit(),
                    item.minValue(),
                    item.maxValue(),
                    item.answerOptions().stream().map(Option::new).toList(),
                    item.enableWhen() == null ? List.of() : List.of(EnableWhen.of(item, questionnaire)),
                    item.measure());
        }
    }

    record Questionnaire(
            String resourceType,
            UUID id,
            UUID seriesId,
            UUID clinicId,
            int version,
            String status,
            String title,
            String description,
            List<QuestionnaireItem> item,
            List<UUID> serviceIds,
            boolean openToAll,
            Instant createdAt,
            Instant publishedAt) {

        static Questionnaire of(QuestionnaireView view) {
            return new Questionnaire(
                    "Questionnaire",
                    view.id(),
                    view.seriesId(),
                    view.clinicId().value(),
                    view.version(),
                    view.status().fhirCode(),
                    view.title(),
                    view.description(),
                    view.items().stream()
                            .map(item -> QuestionnaireItem.of(item, view))
                            .toList(),
                    view.serviceIds(),
                    view.openToAll(),
                    view.createdAt(),
                    view.publishedAt());
        }
    }

    /** A questionnaire as the administrator sends it: {@code item} as in {@link Questionnaire}. */
    record QuestionnaireBody(
            String title,
            String description,
            List<QuestionnaireItem> item,
            List<String> serviceIds,
            Boolean openToAll) {

        QuestionnaireForm form() {
            var errors = new FieldErrors();
            var items = new ArrayList<ItemForm>();
            List<QuestionnaireItem> given = item == null ? List.of() : item;
            for (int i = 0; i < given.size(); i++) {
                var one = given.get(i);
                if (one == null) {
                    items.add(null);
                    continue;
                }
                List<EnableWhen> conditions = one.enableWhen() == null ? List.of() : one.enableWhen();
                if (conditions.size() > 1) {
                    errors.reject("item[" + i + "].enableWhen", "questionnaire.validation.one-condition");
                }
                EnableWhen condition = conditions.isEmpty() ? null : conditions.get(0);
                if (condition != null && condition.operator() != null && !"=".equals(condition.operator())) {
                    errors.reject("item[" + i + "].enableWhen.operator", "questionnaire.validation.operator");
                }
                items.add(new ItemForm(
                        one.linkId(),
                        one.text(),
                        one.type(),
                        Boolean.TRUE.equals(one.required()),
                        Boolean.TRUE.equals(one.repeats()),
                        one.unit(),
                        text(one.minValue()),
                        text(one.maxValue()),
                        one.answerOption() == null
                                ? List.of()
                                : one.answerOption().stream()
                                        .map(option -> option == null ? null : option.valueString())
                                        .toList(),
                        condition == null ? null : condition.question(),
                        condition == null ? null : condition.answer(),
                        one.measure()));
            }
            errors.throwIfAny();
            return new QuestionnaireForm(title, description, items, serviceIds, Boolean.TRUE.equals(openToAll));
        }
    }

    record Recipients(List<String> patientIds) {}

    record Asked(int asked) {}

    // ---------------------------------------------------------------- QuestionnaireResponse

    /** One answer: the value[x] that fits the item's type. */
    record Answer(Object valueString, Object valueDecimal, Object valueDate, Object valueBoolean) {

        String value() {
            for (Object value : new Object[] {valueString, valueDecimal, valueDate, valueBoolean}) {
                if (value != null) {
                    return value.toString();
                }
            }
            return null;
        }

        static Answer of(ItemType type, String value) {
            return switch (type) {
                case DECIMAL -> new Answer(null, new BigDecimal(value), null, null);
                case DATE -> new Answer(null, null, value, null);
                case BOOLEAN -> new Answer(null, null, null, Boolean.valueOf(value));
                default -> new Answer(value, null, null, null);
            };
        }
    }

    record ResponseItem(String linkId, String text, List<Answer> answer) {}

    record QuestionnaireResponse(
            String resourceType,
            UUID id,
            UUID questionnaire,
            int questionnaireVersion,
            String title,
            String status,
            UUID subject,
            UUID clinicId,
            UUID assignmentId,
            Instant authored,
            Instant submitted,
            List<ResponseItem> item) {

        static QuestionnaireResponse of(ResponseView view) {
            boolean completed = view.submittedAt() != null;
            return new QuestionnaireResponse(
                    "QuestionnaireResponse",
                    view.id(),
                    view.questionnaireId(),
                    view.version(),
                    view.title(),
                    view.status().fhirCode(),
                    view.patientId().value(),
                    view.clinicId().value(),
                    view.assignmentId(),
                    view.updatedAt(),
                    view.submittedAt(),
                    view.items().stream()
                            .map(item -> new ResponseItem(
                                    item.linkId(),
                                    item.text(),
                                    item.values().stream()
                                            .map(value -> completed
                                                    ? Answer.of(item.type(), value)
                                                    : new Answer(value, null, null, null))
                                            .toList()))
                            .toList());
        }
    }

    /**
     * Answers as the patient sends them: {@code status} in-progress (a draft) or completed (a
     * submission), {@code subject} the record (the signed-in patient's own when absent).
     */
    record ResponseBody(String status, String subject, String assignmentId, List<ResponseItem> item) {

        List<AnswerForm> answers() {
            var answers = new ArrayList<AnswerForm>();
            for (ResponseItem one : item == null ? List.<ResponseItem>of() : item) {
                if (one == null) {
                    continue;
                }
                var values = new ArrayList<String>();
                for (Answer answer : one.answer() == null ? List.<Answer>of() : one.answer()) {
                    if (answer != null && answer.value() != null) {
                        values.add(answer.value());
                    }
                }
                answers.add(new AnswerForm(one.linkId(), values));
            }
            return answers;
        }
    }

    record Task(
            UUID questionnaire,
            UUID seriesId,
            String title,
            UUID clinicId,
            UUID assignmentId,
            UUID appointmentId,
            Instant dueAt,
            UUID draftId) {

        static Task of(TaskView view) {
            return new Task(
                    view.questionnaireId(),
                    view.seriesId(),
                    view.title(),
                    view.clinicId().value(),
                    view.assignmentId(),
                    view.appointmentId(),
                    view.dueAt(),
                    view.draftId());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
