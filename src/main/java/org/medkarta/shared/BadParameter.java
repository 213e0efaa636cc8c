package org.medkarta.shared;

import java.util.List;

/**
 * A query parameter that is missing or cannot be read ({@code lat=abc}): named like any {@link
 * InvalidInput} ({@code field} and {@code errors}), so a page shows the message beside its input, but
 * answered by the API as 400 {@code malformed-request}, the status of a request the server cannot
 * read at all, rather than 422 for a readable one that breaks a rule.
 */
public class BadParameter extends InvalidInput {

    public BadParameter(String parameter, String messageCode, Object... messageArguments) {
        super("malformed-request", List.of(new FieldError(parameter, messageCode, List.of(messageArguments))));
        with("parameter", parameter);
    }
}
