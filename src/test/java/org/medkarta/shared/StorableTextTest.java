package org.medkarta.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What text can be stored: everything a person types, not control characters or broken UTF-16. */
class StorableTextTest {

    @Test
    void ordinaryTextTabsLineBreaksAndPairedSurrogatesCanBeStored() {
        assertThat(StorableText.isStorable("Иванов Иван\tИванович\r\nстрока 2 😀 ё ∑"))
                .isTrue();
        assertThat(StorableText.isStorable("")).isTrue();
        assertThat(StorableText.isStorable(null)).isTrue();
        assertThat(StorableText.isStorable("\u007f\u0080\u00a0\ufffd")).isTrue();
    }

    @Test
    void everyC0ControlButTabLineFeedAndCarriageReturnCannot() {
        for (char c = 0; c < 0x20; c++) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertThat(StorableText.isStorable("a" + c + "b"))
                    .as("U+%04X", (int) c)
                    .isEqualTo(allowed);
        }
    }

    @Test
    void unpairedSurrogatesAndTheNonCharactersFffeAndFfffCannot() {
        assertThat(StorableText.firstUnstorable("ab\ud83d")).isEqualTo(2);
        assertThat(StorableText.firstUnstorable("\ude00ab")).isZero();
        assertThat(StorableText.firstUnstorable("a\ud83d\ud83d\ude00")).isEqualTo(1);
        assertThat(StorableText.firstUnstorable("ok\ufffe")).isEqualTo(2);
        assertThat(StorableText.firstUnstorable("\uffff")).isZero();
    }
}
