package org.medkarta.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

/**
 * A mobile phone number in E.164 form ({@code +79161234567}). Numbers are read as a Russian
 * person writes them: {@code 8 (916) 123-45-67}, {@code +7 916 123 45 67} and {@code 9161234567}
 * are all the same number.
 */
public record Phone(String e164) {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    public Phone {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{6,14}")) {
            throw new InvalidInput("phone", "validation.phone.invalid");
        }
    }

    /**
     * Parses a mobile number as typed by a person.
     *
     * @param field the input field, named in the error
     * @throws InvalidInput when it is not a valid mobile number
     */
    public static Phone parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "validation.required");
        }
        String typed = text.strip();
        // Russian habit: a domestic number starts with 8 instead of +7.
        String digits = typed.replaceAll("[^0-9+]", "");
        if (digits.length() == 11 && digits.startsWith("8")) {
            typed = "+7" + digits.substring(1);
        }
        try {
            var number = NUMBERS.parse(typed, "RU");
            var type = NUMBERS.getNumberType(number);
            if (!NUMBERS.isValidNumber(number)
                    || (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE)) {
                throw new InvalidInput(field, "validation.phone.not-mobile");
            }
            return new Phone(NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new InvalidInput(field, "validation.phone.invalid");
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
