package org.medkarta.clinic;

import java.util.Locale;

/** A medical specialty from the dictionary, with its Russian and English names. */
public record Specialty(String code, String nameRu, String nameEn) {

    /** The name in the reader's language: English for English, Russian otherwise. */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameRu;
    }
}
