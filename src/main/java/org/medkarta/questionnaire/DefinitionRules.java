package org.medkarta.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.medkarta.record.Measure;
import org.medkarta.shared.FieldErrors;

/**
 * The rules of a questionnaire's definition (SPEC E9), each wrong field named: an item's linkId, text
 * and type; a range with min ≤ max on a decimal item; a choice with distinct options; a condition on
 * an earlier item with an answer that item can have; a diary measure only on a decimal item, in the
 * measure's unit. {@link Definitions} applies them to a whole definition.
 */
final class DefinitionRules {

    /** Like FHIR's linkId, kept to what a person types and a URL or form field name carries. */
    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;
    static final int TEXT_MAX = 500;
    static final int OPTION_MAX = 200;
    static final int ITEMS_MAX = 100;

    private DefinitionRules() {}

    /** One item as kept, or null when anything of it was refused (each refusal is in {@code errors}). */
    static Item item(ItemForm form, String at, List<Item> earlier, Set<String> linkIds, FieldErrors errors) {
        if (form == null) {
            errors.reject(at + "linkId", "validation.required");
            return null;
        }
        int before = errorsCount(errors, at);
        String linkId = form.linkId() == null ? "" : form.linkId().strip();
        if (linkId.isEmpty()) {
            errors.reject(at + "linkId", "validation.required");
        } else if (!LINK_ID.matcher(linkId).matches()) {
            errors.reject(at + "linkId", "questionnaire.validation.link-id");
        } else if (!linkIds.add(linkId)) {
            errors.reject(at + "linkId", "questionnaire.validation.link-id-taken", linkId);
        }
        String text = text(form.text(), at + "text", TEXT_MAX, true, errors);
        ItemType type = ItemType.of(form.type());
        if (type == null) {
            errors.reject(at + "type", "questionnaire.validation.type");
        }
        String unit = blank(form.unit()) ? null : form.unit().strip();
        if (unit != null && unit.length() > 20) {
            errors.reject(at + "unit", "questionnaire.validation.too-long", 20);
        }
        BigDecimal min = number(form.minValue(), at + "minValue", errors);
        BigDecimal max = number(form.maxValue(), at + "maxValue", errors);
        List<String> options = new ArrayList<>();
        for (String option : form.answerOptions() == null ? List.<String>of() : form.answerOptions()) {
            if (!blank(option)) {
                String value = option.strip();
                if (value.length() > OPTION_MAX) {
                    errors.reject(at + "answerOption", "questionnaire.validation.too-long", OPTION_MAX);
                } else if (options.contains(value)) {
                    errors.reject(at + "answerOption", "questionnaire.validation.option-twice", value);
                } else {
                    options.add(value);
                }
            }
        }
        String measure = blank(form.measure()) ? null : form.measure().strip().toUpperCase(Locale.ROOT);
        if (type != ItemType.DECIMAL && (min != null || max != null)) {
            errors.reject(at + (min != null ? "minValue" : "maxValue"), "questionnaire.validation.range-decimal-only");
        }
        if (type != ItemType.DECIMAL && unit != null) {
            errors.reject(at + "unit", "questionnaire.validation.unit-decimal-only");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.reject(at + "maxValue", "questionnaire.validation.min-max");
        }
        if (type == ItemType.CHOICE && options.isEmpty()) {
            errors.reject(at + "answerOption", "questionnaire.validation.options-required");
        }
        if (type != null && type != ItemType.CHOICE && !options.isEmpty()) {
            errors.reject(at + "answerOption", "questionnaire.validation.options-choice-only");
        }
        if (form.repeats() && type != ItemType.CHOICE) {
            errors.reject(at + "repeats", "questionnaire.validation.repeats-choice-only");
        }
        if (measure != null) {
            Measure diary = measure(measure);
            if (type != ItemType.DECIMAL) {
                errors.reject(at + "measure", "questionnaire.validation.measure-decimal-only");
            } else if (diary == null || diary.twoValues()) {
                // Blood pressure needs two numbers in one reading, which one decimal item cannot give.
                errors.reject(at + "measure", "questionnaire.validation.measure");
            } else if (diary == Measure.CUSTOM && unit == null) {
                errors.reject(at + "unit", "questionnaire.validation.measure-unit-custom");
            } else if (diary != Measure.CUSTOM && unit != null && !unit.equals(diary.unit())) {
                errors.reject(at + "unit", "questionnaire.validation.measure-unit", diary.unit());
            } else if (diary != Measure.CUSTOM && unit == null) {
                unit = diary.unit();
            }
        }
        Item.EnableWhen condition = null;
        if (!blank(form.enableWhenQuestion())) {
            String question = form.enableWhenQuestion().strip();
            Item target = earlier.stream()
                    .filter(item -> item.linkId().equals(question))
                    .findFirst()
                    .orElse(null);
            String answer = blank(form.enableWhenAnswer())
                    ? null
                    : form.enableWhenAnswer().strip();
            if (target == null) {
                errors.reject(at + "enableWhen.question", "questionnaire.validation.condition-earlier");
            } else if (answer == null) {
                errors.reject(at + "enableWhen.answer", "validation.required");
            } else {
                answer = conditionAnswer(target, answer);
                if (answer == null) {
                    errors.reject(at + "enableWhen.answer", "questionnaire.validation.condition-answer");
                } else {
                    condition = new Item.EnableWhen(question, answer);
                }
            }
        } else if (!blank(form.enableWhenAnswer())) {
            errors.reject(at + "enableWhen.question", "validation.required");
        }
        if (errorsCount(errors, at) > before || type == null || linkId.isEmpty() || text == null) {
            return null;
        }
        return new Item(
                linkId,
                text,
                type,
                form.required(),
                type == ItemType.CHOICE && form.repeats(),
                unit,
                min,
                max,
                options,
                condition,
                measure);
    }

    /** The condition's answer as the target item's answers are kept, or null when it can have none such. */
    private static String conditionAnswer(Item target, String answer) {
        return switch (target.type()) {
            case BOOLEAN -> Answers.bool(answer);
            case CHOICE -> target.answerOptions().contains(answer) ? answer : null;
            case DECIMAL -> {
                var number = Answers.decimal(answer);
                yield number == null ? null : number.stripTrailingZeros().toPlainString();
            }
            case DATE -> Answers.date(answer) == null ? null : answer;
            default -> answer;
        };
    }

    private static int errorsCount(FieldErrors errors, String prefix) {
        // FieldErrors tells whether a field is wrong; counting this item's fields is enough to know
        // whether anything of it was refused.
        int count = 0;
        for (String field : List.of(
                "linkId",
                "text",
                "type",
                "unit",
                "minValue",
                "maxValue",
                "answerOption",
                "repeats",
                "measure",
                "enableWhen.question",
                "enableWhen.answer")) {
            if (errors.has(prefix + field)) {
                count++;
            }
        }
        return count;
    }

    static Measure measure(String name) {
        try {
            return Measure.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static BigDecimal number(String text, String field, FieldErrors errors) {
        if (blank(text)) {
            return null;
        }
        var number = Answers.decimal(text);
        if (number == null) {
            errors.reject(field, "questionnaire.validation.number");
        }
        return number;
    }

    static String text(String value, String field, int max, boolean required, FieldErrors errors) {
        if (blank(value)) {
            if (required) {
                errors.reject(field, "validation.required");
            }
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            errors.reject(field, "questionnaire.validation.too-long", max);
            return null;
        }
        return text;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
