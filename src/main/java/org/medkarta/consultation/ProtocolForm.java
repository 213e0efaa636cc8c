package org.medkarta.consultation;

import java.util.List;

/**
 * The protocol as the doctor writes it (SPEC D7; seed 004: «Анамнез», «Рекомендации»,
 * «Дополнительные рекомендации», «Добавьте заболевания»).
 *
 * @param diagnoses ICD-10 codes; none in a primary doctor-patient consultation
 */
public record ProtocolForm(
        String anamnesis, String recommendations, String additionalRecommendations, List<String> diagnoses) {

    public ProtocolForm {
        diagnoses = diagnoses == null
                ? List.of()
                : diagnoses.stream()
                        .filter(code -> code != null && !code.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }
}
