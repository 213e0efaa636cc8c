package org.medkarta.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.medkarta.shared.FieldErrors;

/**
 * What one version of an entry says, checked field by field against its type, with the columns
 * the record keeps beside it: the clinical date, the code, the title, the value that duplicates
 * are compared by and, for a laboratory result, the number, unit, reference range and flag.
 */
record EntryContent(
        EntryType type,
        LocalDate date,
        String code,
        String title,
        String valueKey,
        BigDecimal valueNum,
        String unit,
        BigDecimal referenceLow,
        BigDecimal referenceHigh,
        String flag,
        boolean radiology,
        Map<String, String> fields) {

    /** ICD-10 as the Russian МКБ-10 writes it: a letter, two digits, an optional subdivision. */
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9]{1,2})?");

    /**
     * A code of the Ministry's nomenclature of medical services (НМУ, order 804н): a section letter,
     * the class, the subclass, the service and an optional refinement ({@code A16.20.036.001}).
     */
    private static final Pattern NMU = Pattern.compile("[A-Z][0-9]{2}\\.[0-9]{2}\\.[0-9]{3}(\\.[0-9]{3})?");

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /**
     * Checks a form against its type; every wrong field is named.
     *
     * @param today no clinical date may lie after it
     */
    static EntryContent of(EntryType type, Map<String, String> raw, LocalDate today) {
        var errors = new FieldErrors();
        var fields = new LinkedHashMap<String, String>();
        var dates = new LinkedHashMap<String, LocalDate>();
        var numbers = new LinkedHashMap<String, BigDecimal>();
        for (FieldSpec spec : type.fields()) {
            String value = raw.get(spec.name());
            value = value == null ? "" : value.strip();
            if (value.isEmpty()) {
                if (spec.required()) {
                    errors.reject(spec.name(), "validation.required");
                }
                continue;
            }
            if (value.length() > spec.maxLength()) {
                errors.reject(spec.name(), "record.validation.too-long", spec.maxLength());
                continue;
            }
            switch (spec.kind()) {
                case DATE -> {
                    try {
                        LocalDate date = LocalDate.parse(value);
                        if (date.isAfter(today)) {
                            errors.reject(spec.name(), "record.validation.future-date");
                        } else if (date.isBefore(EARLIEST)) {
                            errors.reject(spec.name(), "record.validation.date-too-early");
                        } else {
                            dates.put(spec.name(), date);
                        }
                    } catch (DateTimeParseException e) {
                        errors.reject(spec.name(), "record.validation.date");
                    }
                }
                case NUMBER -> {
                    try {
                        var number = new BigDecimal(value.replace(',', '.'));
                        if (number.abs().compareTo(new BigDecimal("100000000000000")) >= 0 || number.scale() > 4) {
                            errors.reject(spec.name(), "record.validation.number");
                        } else {
                            numbers.put(spec.name(), number);
                            value = number.stripTrailingZeros().toPlainString();
                        }
                    } catch (NumberFormatException e) {
                        errors.reject(spec.name(), "record.validation.number");
                    }
                }
                case CHOICE -> {
                    value = value.toUpperCase(Locale.ROOT);
                    if (!spec.choices().contains(value)) {
                        errors.reject(spec.name(), "record.validation.choice");
                    }
                }
                default -> {}
            }
            fields.put(spec.name(), value);
        }
        if (type == EntryType.DIAGNOSIS && fields.containsKey("icd10")) {
            String code = fields.get("icd10").toUpperCase(Locale.ROOT);
            fields.put("icd10", code);
            if (!ICD10.matcher(code).matches()) {
                errors.reject("icd10", "record.validation.icd10");
            }
        }
        if (type == EntryType.PROCEDURE && fields.containsKey("code")) {
            // НМУ codes are written in capitals (A16.20.036); another system's code stays as given.
            String code = fields.get("code");
            if (NMU.matcher(code.toUpperCase(Locale.ROOT)).matches()) {
                fields.put("code", code.toUpperCase(Locale.ROOT));
            }
        }
        checkOrder(errors, dates, "onset", "abatement");
        checkOrder(errors, dates, "admitted", "discharged");
        checkOrder(errors, dates, "from", "to");
        if (numbers.containsKey("referenceLow")
                && numbers.containsKey("referenceHigh")
                && numbers.get("referenceLow").compareTo(numbers.get("referenceHigh")) > 0) {
            errors.reject("referenceHigh", "record.validation.range-order");
        }
        errors.throwIfAny();
        return derive(type, fields, dates, numbers);
    }

    /** Rebuilds the content of a stored version (already checked when it was filed). */
    static EntryContent stored(EntryType type, Map<String, String> fields) {
        var dates = new LinkedHashMap<String, LocalDate>();
        var numbers = new LinkedHashMap<String, BigDecimal>();
        for (FieldSpec spec : type.fields()) {
            String value = fields.get(spec.name());
            if (value == null) {
                continue;
            }
            if (spec.kind() == FieldSpec.Kind.DATE) {
                dates.put(spec.name(), LocalDate.parse(value));
            } else if (spec.kind() == FieldSpec.Kind.NUMBER) {
                numbers.put(spec.name(), new BigDecimal(value));
            }
        }
        return derive(type, new LinkedHashMap<>(fields), dates, numbers);
    }

    private static EntryContent derive(
            EntryType type, Map<String, String> fields, Map<String, LocalDate> dates, Map<String, BigDecimal> numbers) {
        LocalDate date = dates.get(type.dateField());
        return switch (type) {
            case EXAM_PROTOCOL -> plain(type, date, null, fields.get("specialty"), fields.get("conclusion"), fields);
            case DIAGNOSIS ->
                plain(
                        type,
                        date,
                        fields.get("icd10"),
                        fields.get("icd10") + " " + fields.get("name"),
                        fields.get("icd10"),
                        fields);
            case LAB_RESULT -> {
                BigDecimal value = numbers.get("value");
                BigDecimal low = numbers.get("referenceLow");
                BigDecimal high = numbers.get("referenceHigh");
                String code = fields.get("testCode").toUpperCase(Locale.ROOT);
                fields.put("testCode", code);
                yield new EntryContent(
                        type,
                        date,
                        code,
                        clip(fields.get("testName"), 300),
                        value.stripTrailingZeros().toPlainString() + " " + fields.get("unit"),
                        value,
                        fields.get("unit"),
                        low,
                        high,
                        flag(value, low, high),
                        false,
                        Map.copyOf(fields));
            }
            case INSTRUMENTAL -> {
                var modality = EntryType.Modality.valueOf(fields.get("modality"));
                yield new EntryContent(
                        type,
                        date,
                        modality.name(),
                        clip(fields.get("study"), 300),
                        // The key of a long conclusion is its beginning: the column holds 300 characters.
                        clip(fields.get("conclusion"), 300),
                        null,
                        null,
                        null,
                        null,
                        null,
                        modality.radiology(),
                        Map.copyOf(fields));
            }
            case HOSPITALISATION ->
                plain(
                        type,
                        date,
                        null,
                        fields.get("department"),
                        fields.get("admitted") + ":" + fields.get("reason"),
                        fields);
            case VISIT -> plain(type, date, null, fields.get("kind"), fields.get("reason"), fields);
            case PRESCRIPTION -> plain(type, date, null, fields.get("medication"), fields.get("dose"), fields);
            case VACCINATION -> plain(type, date, null, fields.get("vaccine"), fields.get("vaccine"), fields);
            // Type, code, date and name: the same procedure twice on one day is a duplicate.
            case PROCEDURE -> plain(type, date, fields.get("code"), fields.get("name"), fields.get("name"), fields);
            // Type, code, date recorded and substance: the same allergy recorded twice on one day.
            case ALLERGY ->
                plain(type, date, fields.get("code"), fields.get("substance"), fields.get("substance"), fields);
            case SCREENING -> plain(type, date, null, fields.get("kind"), fields.get("result"), fields);
            case SICK_LEAVE -> plain(type, date, fields.get("number"), "№ " + fields.get("number"), null, fields);
            case DOCUMENT -> plain(type, date, null, fields.get("title"), fields.get("fileId"), fields);
        };
    }

    private static EntryContent plain(
            EntryType type, LocalDate date, String code, String title, String value, Map<String, String> fields) {
        String key = value == null ? title : value;
        return new EntryContent(
                type,
                date,
                code,
                clip(title, 300),
                key == null ? null : clip(key.strip().toLowerCase(Locale.ROOT), 300),
                null,
                null,
                null,
                null,
                null,
                false,
                Map.copyOf(fields));
    }

    /**
     * The interpretation of a laboratory value against its reference range (FHIR Observation
     * interpretation H, L, N); no range, no flag.
     */
    static String flag(BigDecimal value, BigDecimal low, BigDecimal high) {
        if (value == null || (low == null && high == null)) {
            return null;
        }
        if (high != null && value.compareTo(high) > 0) {
            return "H";
        }
        if (low != null && value.compareTo(low) < 0) {
            return "L";
        }
        return "N";
    }

    private static void checkOrder(FieldErrors errors, Map<String, LocalDate> dates, String first, String second) {
        if (dates.containsKey(first)
                && dates.containsKey(second)
                && dates.get(second).isBefore(dates.get(first))) {
            errors.reject(second, "record.validation.date-order");
        }
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
