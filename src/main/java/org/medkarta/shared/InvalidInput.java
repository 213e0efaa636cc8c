package org.medkarta.shared;

import java.util.List;

/**
 * Input that breaks a rule, field by field, so that a page can show each message beside its field
 * and the API can name every wrong field. The problem's {@code field} is the first of them.
 */
public class InvalidInput extends DomainException {

    /** One wrong field and the message code that explains what is wrong with it. */
    public record FieldError(String field, String messageCode, List<Object> arguments) {

        public FieldError(String field, String messageCode) {
            this(field, messageCode, List.of());
        }
    }

    private final List<FieldError> errors;

    public InvalidInput(String field, String messageCode, Object... messageArguments) {
        this(List.of(new FieldError(field, messageCode, List.of(messageArguments))));
    }

    public InvalidInput(List<FieldError> errors) {
        this("invalid-input", errors);
    }

    /** Input refused field by field under a problem name of its own, such as {@link TooLarge}'s. */
    protected InvalidInput(String problem, List<FieldError> errors) {
        super(
                Kind.INVALID_INPUT,
                problem,
                errors.get(0).messageCode(),
                errors.get(0).arguments().toArray());
        this.errors = List.copyOf(errors);
        with("field", errors.get(0).field());
    }

    public String field() {
        return errors.get(0).field();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
