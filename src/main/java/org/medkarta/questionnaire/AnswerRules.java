package org.medkarta.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medkarta.shared.FieldErrors;

/**
 * The rules of an answer (SPEC E9): what a fill sends, each item's blank values left out, and the
 * checks of a submission in the questionnaire's order, with the conditions applied.
 */
final class AnswerRules {

    static final int STRING_MAX = 200;
    static final int TEXT_MAX = 4000;

    private AnswerRules() {}

    /** The answers as sent, each item's blank values left out; an item the questionnaire has not is refused. */
    static Map<String, List<String>> given(QuestionnaireView questionnaire, List<AnswerForm> answers) {
        var errors = new FieldErrors();
        var given = new LinkedHashMap<String, List<String>>();
        for (AnswerForm answer : answers == null ? List.<AnswerForm>of() : answers) {
            if (answer == null || answer.linkId() == null) {
                continue;
            }
            Item item = questionnaire.item(answer.linkId());
            if (item == null) {
                errors.reject("item." + answer.linkId(), "questionnaire.answer.unknown-item");
                continue;
            }
            var values = new ArrayList<String>();
            for (String value : answer.values()) {
                if (value != null && !value.isBlank()) {
                    String text = value.strip();
                    if (text.length() > TEXT_MAX) {
                        errors.reject("item." + item.linkId(), "questionnaire.validation.too-long", TEXT_MAX);
                    }
                    values.add(text);
                }
            }
            if (!values.isEmpty()) {
                given.computeIfAbsent(item.linkId(), id -> new ArrayList<>()).addAll(values);
            }
        }
        errors.throwIfAny();
        return given;
    }

    /**
     * The rules of a submission, in the questionnaire's order: an item is enabled when it has no
     * condition, or its condition's item is enabled and answered with the condition's answer; a
     * disabled item's answers are dropped; an enabled one is checked by its type.
     */
    static Map<String, List<String>> check(QuestionnaireView questionnaire, Map<String, List<String>> given) {
        var errors = new FieldErrors();
        var kept = new LinkedHashMap<String, List<String>>();
        Set<String> enabled = new HashSet<>();
        for (Item item : questionnaire.items()) {
            if (!enabled(item, enabled, kept)) {
                continue;
            }
            enabled.add(item.linkId());
            List<String> values = given.getOrDefault(item.linkId(), List.of());
            String field = "item." + item.linkId();
            if (values.isEmpty()) {
                if (item.required()) {
                    errors.reject(field, "questionnaire.answer.required");
                }
                continue;
            }
            var normalised = new ArrayList<String>();
            for (String value : values) {
                String answer = answer(item, value, field, errors);
                if (answer != null) {
                    normalised.add(answer);
                }
            }
            if (values.size() > 1 && !item.multiple()) {
                errors.reject(field, "questionnaire.answer.one");
            }
            if (normalised.size() == values.size()) {
                kept.put(item.linkId(), normalised);
            }
        }
        errors.throwIfAny();
        return kept;
    }

    private static boolean enabled(Item item, Set<String> enabled, Map<String, List<String>> kept) {
        var condition = item.enableWhen();
        if (condition == null) {
            return true;
        }
        return enabled.contains(condition.question())
                && kept.getOrDefault(condition.question(), List.of()).contains(condition.answer());
    }

    /** One answer as kept (a number without trailing zeros, true/false), or null when it is refused. */
    private static String answer(Item item, String value, String field, FieldErrors errors) {
        switch (item.type()) {
            case STRING -> {
                if (value.length() > STRING_MAX) {
                    errors.reject(field, "questionnaire.validation.too-long", STRING_MAX);
                    return null;
                }
                return value;
            }
            case TEXT -> {
                return value;
            }
            case DECIMAL -> {
                BigDecimal number = Answers.decimal(value);
                if (number == null) {
                    errors.reject(field, "questionnaire.answer.number");
                    return null;
                }
                if ((item.minValue() != null && number.compareTo(item.minValue()) < 0)
                        || (item.maxValue() != null && number.compareTo(item.maxValue()) > 0)) {
                    errors.reject(field, "questionnaire.answer.range", bound(item.minValue()), bound(item.maxValue()));
                    return null;
                }
                return number.stripTrailingZeros().toPlainString();
            }
            case DATE -> {
                if (Answers.date(value) == null) {
                    errors.reject(field, "questionnaire.answer.date");
                    return null;
                }
                return Answers.date(value).toString();
            }
            case CHOICE -> {
                if (!item.answerOptions().contains(value)) {
                    errors.reject(field, "questionnaire.answer.option");
                    return null;
                }
                return value;
            }
            case BOOLEAN -> {
                String bool = Answers.bool(value);
                if (bool == null) {
                    errors.reject(field, "questionnaire.answer.boolean");
                }
                return bool;
            }
            default -> throw new IllegalStateException(item.type().name());
        }
    }

    private static String bound(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }
}
