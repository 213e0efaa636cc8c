package org.medkarta.shared;

/** One input field is wrong; the problem names the field so a page can show the message beside it. */
public class InvalidInput extends DomainException {

    private final String field;

    public InvalidInput(String field, String messageCode, Object... messageArguments) {
        super(Kind.INVALID_INPUT, "invalid-input", messageCode, messageArguments);
        this.field = field;
        with("field", field);
    }

    public String field() {
        return field;
    }
}
