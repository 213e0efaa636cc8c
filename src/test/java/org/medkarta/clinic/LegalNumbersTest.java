package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegalNumbersTest {

    @Test
    void realRegisteredNumbersPassTheirChecksums() {
        // Sberbank's INN and OGRN as published in the unified state register of legal entities.
        assertThat(LegalNumbers.innValid("7707083893")).isTrue();
        assertThat(LegalNumbers.ogrnValid("1027700132195")).isTrue();
    }

    @Test
    void aChangedCheckDigitFails() {
        assertThat(LegalNumbers.innValid("7707083894")).isFalse();
        assertThat(LegalNumbers.ogrnValid("1027700132196")).isFalse();
    }

    @Test
    void aPersonsTwelveDigitInnOrALetterIsNotAnOrganisationsInn() {
        assertThat(LegalNumbers.innValid("500100732259")).isFalse();
        assertThat(LegalNumbers.innValid("77070838a3")).isFalse();
        assertThat(LegalNumbers.ogrnValid("102770013219")).isFalse();
        assertThat(LegalNumbers.innValid(null)).isFalse();
    }
}
