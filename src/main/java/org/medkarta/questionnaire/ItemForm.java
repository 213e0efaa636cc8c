package org.medkarta.questionnaire;

import java.util.List;

/**
 * An item as an administrator typed it; {@link Definitions} checks it field by field.
 *
 * @param type a FHIR item type code: string, text, decimal, date, choice, boolean
 * @param enableWhenQuestion the linkId of an earlier item, or blank for an item always shown
 * @param enableWhenAnswer the answer to it that shows this item
 * @param measure a diary measure (PULSE, GLUCOSE, WEIGHT, TEMPERATURE, SPO2, CUSTOM) or blank
 */
public record ItemForm(
        String linkId,
        String text,
        String type,
        boolean required,
        boolean repeats,
        String unit,
        String minValue,
        String maxValue,
        List<String> answerOptions,
        String enableWhenQuestion,
        String enableWhenAnswer,
        String measure) {

    /** The form of an item as stored, for editing it again. */
    public static ItemForm of(Item item) {
        return new ItemForm(
                item.linkId(),
                item.text(),
                item.type().code(),
                item.required(),
                item.repeats(),
                item.unit(),
                item.minValue() == null ? null : item.minValue().toPlainString(),
                item.maxValue() == null ? null : item.maxValue().toPlainString(),
                item.answerOptions(),
                item.enableWhen() == null ? null : item.enableWhen().question(),
                item.enableWhen() == null ? null : item.enableWhen().answer(),
                item.measure());
    }
}
