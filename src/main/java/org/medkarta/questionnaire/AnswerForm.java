package org.medkarta.questionnaire;

import java.util.List;

/** The answers to one item as sent: several for a multiple choice, one otherwise. */
public record AnswerForm(String linkId, List<String> values) {

    public AnswerForm {
        values = values == null ? List.of() : values;
    }
}
