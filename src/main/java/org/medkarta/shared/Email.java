package org.medkarta.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, kept in lower case so that one mailbox is one account. */
public record Email(String address) {

    // Deliberately simple: the confirmation link proves the mailbox, not the pattern.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public Email {
        if (address == null || address.length() > 254 || !SHAPE.matcher(address).matches()) {
            throw new InvalidInput("email", "validation.email.invalid");
        }
        address = address.toLowerCase(Locale.ROOT);
    }

    /** Parses an address as typed, naming {@code field} when it is wrong. */
    public static Email parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "validation.required");
        }
        try {
            return new Email(text.strip());
        } catch (InvalidInput invalid) {
            throw new InvalidInput(field, "validation.email.invalid");
        }
    }

    @Override
    public String toString() {
        return address;
    }
}
