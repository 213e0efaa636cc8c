package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medkarta.shared.FieldErrors;

class BirthCertificateTest {

    @ParameterizedTest
    @CsvSource({"IV-МЮ,123456,IV-МЮ", "iv-мю,123 456,IV-МЮ", "ІХ-АБ,000001,IX-АБ", "XXI-ЕЕ,654321,XXI-ЕЕ"})
    void readsTheSeriesAsPeopleTypeIt(String series, String number, String expected) {
        var errors = new FieldErrors();
        var certificate = BirthCertificate.parse(series, number, errors);
        assertThat(certificate).isNotNull();
        assertThat(certificate.series()).isEqualTo(expected);
        assertThat(certificate.number()).isEqualTo(number.replace(" ", ""));
    }

    @ParameterizedTest
    @CsvSource({
        "IV-MU,123456,certificateSeries",
        "4-МЮ,123456,certificateSeries",
        "IVМЮ,123456,certificateSeries",
        "IV-МЮ,12345,certificateNumber",
        "IV-МЮ,12345a,certificateNumber"
    })
    void namesTheWrongField(String series, String number, String field) {
        var errors = new FieldErrors();
        assertThat(BirthCertificate.parse(series, number, errors)).isNull();
        assertThat(errors.has(field)).isTrue();
    }

    @Test
    void bothMissingAreBothNamed() {
        var errors = new FieldErrors();
        BirthCertificate.parse(" ", null, errors);
        assertThat(errors.has("certificateSeries")).isTrue();
        assertThat(errors.has("certificateNumber")).isTrue();
    }

    @Test
    void levelsAllowWhatSeed001Says() {
        assertThat(RecordAccess.allows(AccessLevel.VIEW, RecordAction.VIEW)).isTrue();
        assertThat(RecordAccess.allows(AccessLevel.VIEW, RecordAction.DOWNLOAD)).isFalse();
        assertThat(RecordAccess.allows(AccessLevel.VIEW_DOWNLOAD, RecordAction.DOWNLOAD))
                .isTrue();
        assertThat(RecordAccess.allows(AccessLevel.VIEW_DOWNLOAD, RecordAction.ACT_FOR))
                .isFalse();
        assertThat(RecordAccess.allows(AccessLevel.FULL, RecordAction.ACT_FOR)).isTrue();
        assertThat(RecordAccess.allows(AccessLevel.FULL, RecordAction.MANAGE_ACCESS))
                .isFalse();
        assertThat(RecordAccess.allows(AccessLevel.FULL, RecordAction.WRITE)).isFalse();
    }
}
