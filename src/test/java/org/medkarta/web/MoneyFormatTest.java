package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    @Test
    void wholeRoublesShowNoKopecks() {
        assertThat(MoneyFormat.roubles(50_000, RUSSIAN)).isEqualTo("500\u00a0₽");
        assertThat(MoneyFormat.roubles(50_000, Locale.ENGLISH)).isEqualTo("500\u00a0₽");
    }

    @Test
    void kopecksAndThousandsFollowTheReadersLanguage() {
        assertThat(MoneyFormat.roubles(150_050, RUSSIAN)).isEqualTo("1\u00a0500,50\u00a0₽");
        assertThat(MoneyFormat.roubles(150_050, Locale.ENGLISH)).isEqualTo("1,500.50\u00a0₽");
        assertThat(MoneyFormat.roubles(5, RUSSIAN)).isEqualTo("0,05\u00a0₽");
    }
}
