package org.medkarta.terminology;

/**
 * One entry of ICD-10 (МКБ-10) as the NSI register gives it.
 *
 * @param code {@code I10}, {@code A00.0}, a block {@code A00-A09} or a class {@code I}
 * @param actual whether the register marks the entry as in use ({@code ACTUAL=1})
 * @param diagnosis whether the entry is a diagnosis a doctor can record (a three- to
 *     five-character code, not a class or a block)
 */
public record Icd10Entry(String code, String name, boolean actual, boolean diagnosis) {}
