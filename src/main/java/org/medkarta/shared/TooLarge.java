package org.medkarta.shared;

import java.util.List;

/**
 * Input refused for its size, such as a file over the upload limit: named field by field like any
 * {@link InvalidInput}, so a page shows the message beside the file field, but answered by the API
 * as 413 {@code payload-too-large} (issue 17), the status a body over the server's own limit gets.
 */
public class TooLarge extends InvalidInput {

    public TooLarge(String field, String messageCode, Object... messageArguments) {
        this(List.of(new FieldError(field, messageCode, List.of(messageArguments))));
    }

    public TooLarge(List<FieldError> errors) {
        super("payload-too-large", errors);
    }
}
