package org.medkarta.access;

import java.util.Locale;
import java.util.regex.Pattern;
import org.medkarta.shared.FieldErrors;

/**
 * A Russian birth certificate («свидетельство о рождении»): a series of a Roman numeral (the region
 * code written in I, V, X, L, C), a hyphen and two Cyrillic capitals, such as {@code IV-МЮ}, and a
 * six-digit number. Latin look-alikes of the Roman numerals typed in Cyrillic (І, Х, С, М) and lower
 * case are accepted and normalised.
 */
public record BirthCertificate(String series, String number) {

    private static final Pattern SERIES = Pattern.compile("^[IVXLC]{1,6}-[А-ЯЁ]{2}$");
    private static final Pattern NUMBER = Pattern.compile("^\\d{6}$");

    /** Parses a certificate as typed, adding every wrong field to {@code errors}; null when wrong. */
    public static BirthCertificate parse(String series, String number, FieldErrors errors) {
        String cleanSeries = series == null ? "" : normalise(series);
        String cleanNumber = number == null ? "" : number.replaceAll("\\s", "");
        boolean ok = true;
        if (cleanSeries.isEmpty()) {
            errors.reject("certificateSeries", "validation.required");
            ok = false;
        } else if (!SERIES.matcher(cleanSeries).matches()) {
            errors.reject("certificateSeries", "access.validation.certificate-series");
            ok = false;
        }
        if (cleanNumber.isEmpty()) {
            errors.reject("certificateNumber", "validation.required");
            ok = false;
        } else if (!NUMBER.matcher(cleanNumber).matches()) {
            errors.reject("certificateNumber", "access.validation.certificate-number");
            ok = false;
        }
        return ok ? new BirthCertificate(cleanSeries, cleanNumber) : null;
    }

    private static String normalise(String typed) {
        String upper = typed.strip().replaceAll("[\\s–—]+", "").toUpperCase(Locale.ROOT);
        int hyphen = upper.indexOf('-');
        if (hyphen < 0) {
            return upper;
        }
        // Roman numerals are Latin letters; people often type their Cyrillic twins.
        String roman =
                upper.substring(0, hyphen).replace('І', 'I').replace('Х', 'X').replace('С', 'C');
        return roman + upper.substring(hyphen);
    }

    @Override
    public String toString() {
        return series + " № " + number;
    }
}
