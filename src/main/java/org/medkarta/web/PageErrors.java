package org.medkarta.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a refusal into the messages a page shows beside its fields, in the person's language: one
 * per wrong field, and under {@link #FORM} what concerns the form as a whole. Pages of every module
 * use it, so a refusal reads the same on a page as in the API's ProblemDetail.
 */
@Component
public class PageErrors {

    /** The key of a message about the whole form rather than one field. */
    public static final String FORM = "form";

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The messages of a refusal by field; a refusal that names no field is put under {@code
     * fieldOfProblem} when the page knows where it belongs, else under {@link #FORM}.
     */
    public Map<String, String> of(DomainException refusal, Locale locale, Map<String, String> fieldOfProblem) {
        var byField = new LinkedHashMap<String, String>();
        if (refusal instanceof InvalidInput invalid) {
            invalid.errors()
                    .forEach(error -> byField.putIfAbsent(
                            error.field(),
                            messages.getMessage(
                                    error.messageCode(), error.arguments().toArray(), error.messageCode(), locale)));
        } else {
            byField.put(fieldOfProblem.getOrDefault(refusal.problem(), FORM), message(refusal, locale));
        }
        return byField;
    }

    public Map<String, String> of(DomainException refusal, Locale locale) {
        return of(refusal, locale, Map.of());
    }

    /** The refusal's own message, as the API's {@code detail} says it. */
    public String message(DomainException refusal, Locale locale) {
        return messages.getMessage(refusal.messageCode(), refusal.messageArguments(), refusal.problem(), locale);
    }

    /** A message by code, for pages that explain something themselves. */
    public String text(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }
}
