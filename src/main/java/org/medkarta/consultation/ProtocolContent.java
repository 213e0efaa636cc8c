package org.medkarta.consultation;

import java.util.ArrayList;
import java.util.List;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.shared.InvalidInput;
import org.medkarta.terminology.Terminology;
import org.springframework.stereotype.Component;

/**
 * The rules of a protocol's content (SPEC D7), one place for both ways of sending it: plain, and
 * signed, where the draft is checked exactly as sending checks it before its PDF is rendered.
 */
@Component
class ProtocolContent {

    static final int PROTOCOL_LIMIT = 8000;
    static final int MAX_DIAGNOSES = 20;

    /** A protocol whose content passed the rules: texts stripped, diagnoses named from ICD-10. */
    record Checked(
            String anamnesis, String recommendations, String additionalRecommendations, List<Diagnosis> diagnoses) {

        ProtocolForm form() {
            return new ProtocolForm(anamnesis, recommendations, additionalRecommendations, List.of());
        }
    }

    private final Files files;
    private final Terminology terminology;

    ProtocolContent(Files files, Terminology terminology) {
        this.files = files;
        this.terminology = terminology;
    }

    /**
     * @throws InvalidInput naming the field: {@code recommendations} missing, {@code diagnoses} in a
     *     primary consultation or with an unknown code, texts too long, a wrong file
     */
    Checked check(Consultation consultation, ProtocolForm form, List<Upload> uploads) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        for (var upload : uploads) {
            try {
                files.check(FilePurpose.PROTOCOL, "files", upload.content());
            } catch (InvalidInput wrong) {
                errors.addAll(wrong.errors());
                break;
            }
        }
        String anamnesis = text(form.anamnesis(), "anamnesis", errors);
        String recommendations = text(form.recommendations(), "recommendations", errors);
        if (recommendations == null && errors.stream().noneMatch(e -> e.field().equals("recommendations"))) {
            errors.add(new InvalidInput.FieldError("recommendations", "validation.required"));
        }
        String additional = text(form.additionalRecommendations(), "additionalRecommendations", errors);
        var diagnoses = new ArrayList<Diagnosis>();
        if (!form.diagnoses().isEmpty()) {
            if (consultation.kind() == ServiceKind.PRIMARY) {
                errors.add(new InvalidInput.FieldError("diagnoses", "consultation.validation.primary-no-diagnosis"));
            } else if (form.diagnoses().size() > MAX_DIAGNOSES) {
                errors.add(new InvalidInput.FieldError(
                        "diagnoses", "consultation.validation.too-many-diagnoses", List.of(MAX_DIAGNOSES)));
            } else {
                var found = terminology.icd10(form.diagnoses());
                for (String code : form.diagnoses()) {
                    var entry = found.get(code);
                    if (entry == null || !entry.diagnosis()) {
                        errors.add(new InvalidInput.FieldError(
                                "diagnoses", "consultation.validation.unknown-code", List.of(code)));
                        break;
                    }
                    diagnoses.add(new Diagnosis(entry.code(), entry.name()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Checked(anamnesis, recommendations, additional, List.copyOf(diagnoses));
    }

    private static String text(String value, String field, List<InvalidInput.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > PROTOCOL_LIMIT) {
            errors.add(new InvalidInput.FieldError(field, "consultation.validation.too-long", List.of(PROTOCOL_LIMIT)));
        }
        return stripped;
    }
}
