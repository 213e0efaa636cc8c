package org.medkarta.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects every wrong field of a form before refusing it, instead of stopping at the first. */
public final class FieldErrors {

    private final List<InvalidInput.FieldError> errors = new ArrayList<>();
    private boolean tooLarge;

    public FieldErrors reject(String field, String messageCode, Object... arguments) {
        errors.add(new InvalidInput.FieldError(field, messageCode, List.of(arguments)));
        return this;
    }

    /** Runs a parse step; its {@link InvalidInput} becomes this form's errors, and null is returned. */
    public <T> T check(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput invalid) {
            errors.addAll(invalid.errors());
            tooLarge |= invalid instanceof TooLarge;
            return null;
        }
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    /** Refuses the input when any field is wrong; as {@link TooLarge} when a step refused a file for its size. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw tooLarge ? new TooLarge(errors) : new InvalidInput(errors);
        }
    }
}
