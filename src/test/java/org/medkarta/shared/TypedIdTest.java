package org.medkarta.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypedIdTest {

    @Test
    void parsesTheTextFormOfAnIdIgnoringSurroundingSpace() {
        var value = UUID.randomUUID();

        assertThat(PatientId.of(" " + value + " ")).isEqualTo(new PatientId(value));
    }

    @Test
    void malformedIdIsInvalidInputNamingTheField() {
        assertThatThrownBy(() -> DoctorId.of("not-an-id")).isInstanceOfSatisfying(InvalidInput.class, invalid -> {
            assertThat(invalid.field()).isEqualTo("doctorId");
            assertThat(invalid.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
            assertThat(invalid.problem()).isEqualTo("invalid-input");
            assertThat(invalid.messageCode()).isEqualTo("validation.id.malformed");
            assertThat(invalid.properties()).containsEntry("field", "doctorId");
        });
    }

    @Test
    void missingIdIsARequiredField() {
        assertThatThrownBy(() -> ClinicId.of(null))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.messageCode()).isEqualTo("validation.required"));
    }

    @Test
    void idsOfDifferentKindsWithTheSameValueAreNotEqual() {
        var value = UUID.randomUUID();

        assertThat((Object) new PatientId(value)).isNotEqualTo(new UserId(value));
    }
}
