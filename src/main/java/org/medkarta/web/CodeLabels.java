package org.medkarta.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words for the codes data keeps (issue 13): {@code ${@codes.label('audit.outcome.', entry.outcome)}}
 * reads the bundle key {@code audit.outcome.SUCCESS} in the reader's language, and a time zone
 * reads as «Москва (UTC+3)», never as {@code Europe/Moscow}. A code the bundles do not know shows
 * as it is, so a new one is visible (and the raw-key scan of the pages finds it) rather than blank.
 */
@Component("codes")
public class CodeLabels {

    private final MessageSource messages;
    private final Clock clock;

    public CodeLabels(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** The words for {@code code} under the bundle key {@code prefix + code}; the code when none. */
    public String label(String prefix, String code) {
        if (code == null || code.isBlank()) {
            return code;
        }
        return messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale());
    }

    /** A time zone as a person names it, with its current offset: «Москва (UTC+3)», "Moscow (UTC+3)". */
    public String zone(ZoneId zone) {
        return zone(zone, LocaleContextHolder.getLocale());
    }

    /** A time zone in {@code locale}. */
    public String zone(ZoneId zone, Locale locale) {
        if (zone == null) {
            return null;
        }
        String id = zone.getId();
        String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
        String name = messages.getMessage("zone." + id.replaceAll("[^A-Za-z0-9]", "_"), null, city, locale);
        return name + " (" + offset(zone.getRules().getOffset(clock.instant())) + ")";
    }

    static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int minutes = Math.abs(seconds) / 60;
        return "UTC" + (seconds < 0 ? "−" : "+") + minutes / 60
                + (minutes % 60 == 0 ? "" : String.format(":%02d", minutes % 60));
    }
}
