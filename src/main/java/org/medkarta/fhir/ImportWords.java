package org.medkarta.fhir;

import java.util.ArrayList;
import java.util.Locale;
import org.medkarta.shared.InvalidInput;
import org.springframework.context.MessageSource;

/** The words of an import's refusals and notes ({@code fhir.import.*}), in the caller's language. */
final class ImportWords {

    private final MessageSource messages;
    private final Locale locale;

    ImportWords(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String say(String key, Object... args) {
        return messages.getMessage("fhir.import." + key, args, key, locale);
    }

    /** A record module's validation errors, field by field, as one line. */
    String invalidText(InvalidInput invalid) {
        var parts = new ArrayList<String>();
        for (var error : invalid.errors()) {
            parts.add(error.field() + ": "
                    + messages.getMessage(
                            error.messageCode(), error.arguments().toArray(), error.messageCode(), locale));
        }
        return String.join("; ", parts);
    }
}
