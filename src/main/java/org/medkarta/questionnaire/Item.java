package org.medkarta.questionnaire;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question of a questionnaire, close to FHIR's {@code Questionnaire.item}.
 *
 * @param linkId the item's id, unique in the questionnaire; answers name it
 * @param repeats for a choice: several answers may be chosen
 * @param unit for a decimal: the unit shown beside the field
 * @param minValue for a decimal: the smallest answer accepted, or null
 * @param maxValue for a decimal: the largest answer accepted, or null
 * @param answerOptions for a choice: the options, in order
 * @param enableWhen shown (and answered) only when an earlier item has a given answer, or null
 * @param measure for a decimal: the diary measure (SPEC E8) an answer is added to, or null
 */
public record Item(
        String linkId,
        String text,
        ItemType type,
        boolean required,
        boolean repeats,
        String unit,
        BigDecimal minValue,
        BigDecimal maxValue,
        List<String> answerOptions,
        EnableWhen enableWhen,
        String measure) {

    public Item {
        answerOptions = answerOptions == null ? List.of() : List.copyOf(answerOptions);
    }

    /**
     * FHIR's {@code enableWhen} with the operator {@code =}: the item is shown when the answer to
     * {@code question} (an earlier item's linkId) equals {@code answer} ({@code true}/{@code false}
     * for a yes/no item, an option for a choice).
     */
    public record EnableWhen(String question, String answer) {}

    /** Whether the item is a multiple choice. */
    public boolean multiple() {
        return type == ItemType.CHOICE && repeats;
    }
}
