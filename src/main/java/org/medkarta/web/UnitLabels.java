package org.medkarta.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How a unit of measure reads on a page, in the reader's language: {@code ${@units.label('mmHg')}}
 * gives «мм рт. ст.» in Russian and "mmHg" in English (issue 13). Data keeps the unit's code; a
 * unit the bundles do not know (one a patient typed) shows as it was written.
 */
@Component("units")
public class UnitLabels {

    private final MessageSource messages;

    public UnitLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** The label of {@code unit} in the current request's language. */
    public String label(String unit) {
        return label(unit, LocaleContextHolder.getLocale());
    }

    /** The label of {@code unit} in {@code locale}; the unit itself when no label is known. */
    public String label(String unit, Locale locale) {
        if (unit == null || unit.isBlank()) {
            return unit;
        }
        return messages.getMessage(key(unit), null, unit, locale);
    }

    /** The bundle key of a unit code: {@code unit.} and the code with every other sign as {@code _}. */
    static String key(String unit) {
        return "unit." + unit.strip().replaceAll("[^A-Za-z0-9]", "_");
    }
}
