package org.medkarta.clinic.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/** Puts a refused form back on the page: the values as typed and each message beside its field. */
@Component
class Forms {

    private final MessageSource messages;

    Forms(MessageSource messages) {
        this.messages = messages;
    }

    /** Shows the refusal on the page: field errors beside their fields, any other refusal above the form. */
    void refused(DomainException refusal, MultiValueMap<String, String> typed, Model model, Locale locale) {
        var errors = new LinkedHashMap<String, String>();
        if (refusal instanceof InvalidInput invalid) {
            for (var error : invalid.errors()) {
                errors.putIfAbsent(
                        error.field(),
                        messages.getMessage(
                                error.messageCode(), error.arguments().toArray(), error.messageCode(), locale));
            }
        } else {
            errors.put(
                    "form",
                    messages.getMessage(refusal.messageCode(), refusal.messageArguments(), refusal.problem(), locale));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("values", values(typed));
    }

    /** The first value of each field, as typed. */
    static Map<String, String> values(MultiValueMap<String, String> typed) {
        var values = new LinkedHashMap<String, String>();
        if (typed != null) {
            typed.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        }
        return values;
    }

    static String first(MultiValueMap<String, String> typed, String name) {
        return typed.getFirst(name);
    }

    static List<String> all(MultiValueMap<String, String> typed, String name) {
        var list = typed.get(name);
        return list == null
                ? List.of()
                : list.stream().filter(v -> !v.isBlank()).toList();
    }

    static Integer integer(MultiValueMap<String, String> typed, String name) {
        String text = typed.getFirst(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "clinic.validation.number");
        }
    }

    /** Roubles as typed ({@code 1500}, {@code 1500,50}) in kopecks. */
    static Long kopecks(MultiValueMap<String, String> typed, String name, String field) {
        String text = typed.getFirst(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(text.strip().replace(',', '.').replace(" ", ""))
                    .movePointRight(2)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInput(field, "clinic.validation.number");
        }
    }
}
