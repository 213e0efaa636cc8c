package org.medkarta.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.InvalidInput;

/** The rules of an answer (SPEC E9) without a database: what {@link Filling} applies to a submission. */
class AnswerRulesTest {

    private static final Item SMOKES =
            new Item("smokes", "Do you smoke?", ItemType.BOOLEAN, true, false, null, null, null, null, null, null);
    private static final Item HOW_MANY = new Item(
            "howMany",
            "How many a day?",
            ItemType.DECIMAL,
            true,
            false,
            null,
            BigDecimal.ONE,
            new BigDecimal("100"),
            null,
            new Item.EnableWhen("smokes", "true"),
            null);

    private static QuestionnaireView questionnaire(Item... items) {
        return new QuestionnaireView(
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                1,
                QuestionnaireStatus.PUBLISHED,
                "Habits",
                null,
                List.of(items),
                List.of(),
                false,
                null,
                null);
    }

    @Test
    void anAnswerToAnItemItsConditionHidesIsDropped() {
        var kept = AnswerRules.check(
                questionnaire(SMOKES, HOW_MANY), Map.of("smokes", List.of("false"), "howMany", List.of("20")));

        assertThat(kept).containsOnlyKeys("smokes");
    }

    @Test
    void aShownItemIsCheckedByItsTypeAndKeptAsANumberWithoutTrailingZeros() {
        var kept = AnswerRules.check(
                questionnaire(SMOKES, HOW_MANY), Map.of("smokes", List.of("true"), "howMany", List.of("20.0")));

        assertThat(kept).containsEntry("howMany", List.of("20"));
    }

    @Test
    void aRequiredShownItemUnansweredAndAnAnswerOutOfRangeAreNamed() {
        assertThatThrownBy(() -> AnswerRules.check(questionnaire(SMOKES, HOW_MANY), Map.of("smokes", List.of("true"))))
                .isInstanceOf(InvalidInput.class)
                .satisfies(refused -> assertThat(((InvalidInput) refused).errors())
                        .anyMatch(error -> error.field().equals("item.howMany")));
        assertThatThrownBy(() -> AnswerRules.check(
                        questionnaire(SMOKES, HOW_MANY), Map.of("smokes", List.of("true"), "howMany", List.of("1000"))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void anItemTheQuestionnaireHasNotIsRefused() {
        assertThatThrownBy(() ->
                        AnswerRules.given(questionnaire(SMOKES), List.of(new AnswerForm("unknown", List.of("x")))))
                .isInstanceOf(InvalidInput.class);
    }
}
