package org.medkarta.access;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.medkarta.identity.PersonFields;
import org.medkarta.shared.FieldErrors;

/**
 * A person's identity document (SPEC E1), as a record-access request shows it and as the record keeps
 * it: the type, the series and number in their one written form, the day it was issued and by whom.
 * A Russian passport is «45 06 № 123456» (a series of four digits, kept without the space, and six
 * digits), a birth certificate «IV-МЮ № 123456» ({@link BirthCertificate}); another document (a
 * foreign passport, a residence permit) as written.
 */
public record IdentityDocument(
        IdentityDocumentType type, String series, String number, LocalDate issuedOn, String issuer) {

    private static final Pattern PASSPORT_SERIES = Pattern.compile("^\\d{4}$");
    private static final Pattern SIX_DIGITS = Pattern.compile("^\\d{6}$");
    private static final Pattern OTHER_SERIES = Pattern.compile("^[\\p{L}\\d\\- ]{1,20}$");
    private static final Pattern OTHER_NUMBER = Pattern.compile("^[\\p{L}\\d\\- ]{1,30}$");

    /** The longest issuer kept. */
    public static final int MAX_ISSUER = 300;

    /**
     * Reads a document as a person typed it, adding every wrong field to {@code errors} under {@code
     * documentType}, {@code documentSeries}, {@code documentNumber}, {@code documentIssuedOn} and
     * {@code documentIssuer}; null when any is wrong. It may not be issued after {@code today} nor before
     * {@code birthDate} (when known).
     */
    public static IdentityDocument read(
            String type,
            String series,
            String number,
            String issuedOn,
            String issuer,
            LocalDate birthDate,
            LocalDate today,
            FieldErrors errors) {
        var found = new FieldErrors();
        var kind = type(type, found);
        String[] written = kind == null ? null : seriesAndNumber(kind, series, number, found);
        LocalDate issued = PersonFields.date(issuedOn, "documentIssuedOn", true, found);
        if (issued != null && (issued.isAfter(today) || (birthDate != null && issued.isBefore(birthDate)))) {
            found.reject("documentIssuedOn", "access.request.validation.issued-on");
        }
        String by = issuer == null ? "" : issuer.strip().replaceAll("\\s+", " ");
        if (by.isEmpty()) {
            found.reject("documentIssuer", "validation.required");
        } else if (by.length() > MAX_ISSUER) {
            found.reject("documentIssuer", "identity.validation.too-long", MAX_ISSUER);
        }
        return errors.check(() -> {
            found.throwIfAny();
            return new IdentityDocument(kind, written[0], written[1], issued, by);
        });
    }

    private static IdentityDocumentType type(String typed, FieldErrors errors) {
        if (typed == null || typed.isBlank()) {
            errors.reject("documentType", "validation.required");
            return null;
        }
        try {
            return IdentityDocumentType.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("documentType", "access.request.validation.document-type");
            return null;
        }
    }

    /** The series and number as stored, each wrong one added to {@code errors}. */
    static String[] seriesAndNumber(IdentityDocumentType type, String series, String number, FieldErrors errors) {
        String cleanSeries = series == null ? "" : series.strip().replaceAll("\\s+", " ");
        String cleanNumber = number == null ? "" : number.replaceAll("\\s", "");
        if (type == IdentityDocumentType.RF_PASSPORT) {
            String digits = cleanSeries.replace(" ", "");
            if (digits.isEmpty()) {
                errors.reject("documentSeries", "validation.required");
            } else if (!PASSPORT_SERIES.matcher(digits).matches()) {
                errors.reject("documentSeries", "access.request.validation.passport-series");
            }
            if (cleanNumber.isEmpty()) {
                errors.reject("documentNumber", "validation.required");
            } else if (!SIX_DIGITS.matcher(cleanNumber).matches()) {
                errors.reject("documentNumber", "access.request.validation.passport-number");
            }
            return new String[] {digits, cleanNumber};
        }
        if (type == IdentityDocumentType.BIRTH_CERTIFICATE) {
            var found = new FieldErrors();
            var certificate = BirthCertificate.parse(series, number, found);
            if (certificate == null) {
                if (found.has("certificateSeries")) {
                    errors.reject(
                            "documentSeries",
                            series == null || series.isBlank()
                                    ? "validation.required"
                                    : "access.validation.certificate-series");
                }
                if (found.has("certificateNumber")) {
                    errors.reject(
                            "documentNumber",
                            number == null || number.isBlank()
                                    ? "validation.required"
                                    : "access.validation.certificate-number");
                }
                return new String[] {cleanSeries, cleanNumber};
            }
            return new String[] {certificate.series(), certificate.number()};
        }
        if (!cleanSeries.isEmpty() && !OTHER_SERIES.matcher(cleanSeries).matches()) {
            errors.reject("documentSeries", "access.request.validation.document-series");
        }
        if (cleanNumber.isEmpty()) {
            errors.reject("documentNumber", "validation.required");
        } else if (!OTHER_NUMBER.matcher(cleanNumber).matches()) {
            errors.reject("documentNumber", "access.request.validation.document-number");
        }
        return new String[] {cleanSeries.isEmpty() ? null : cleanSeries, cleanNumber};
    }

    /** «45 06 № 123456», «IV-МЮ № 123456», or another document's series and number as written. */
    public String written() {
        if (type == IdentityDocumentType.RF_PASSPORT && series != null && series.length() == 4) {
            return series.substring(0, 2) + " " + series.substring(2) + " № " + number;
        }
        return series == null ? "№ " + number : series + " № " + number;
    }
}
