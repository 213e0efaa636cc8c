package org.medkarta.consultation;

import java.util.List;
import org.medkarta.identity.AccountView;
import org.medkarta.shared.InvalidInput;

/** The texts of the module's forms: stripped, blank as none, too long named by field; and a person's full name. */
final class FormTexts {

    /** The longest text of a request's or a protocol's field. */
    static final int TEXT_LIMIT = 4000;

    private FormTexts() {}

    static String text(String value, String field, int limit, List<InvalidInput.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > limit) {
            errors.add(new InvalidInput.FieldError(field, "consultation.validation.too-long", List.of(limit)));
        }
        return stripped;
    }

    static String fullName(AccountView account) {
        return account.patronymic() == null || account.patronymic().isBlank()
                ? account.lastName() + " " + account.firstName()
                : account.lastName() + " " + account.firstName() + " " + account.patronymic();
    }
}
