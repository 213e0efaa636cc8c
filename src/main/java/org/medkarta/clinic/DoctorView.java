package org.medkarta.clinic;

import java.util.List;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.UserId;

/** A doctor's profile in one clinic; a person working in two clinics has two of them. */
public record DoctorView(
        DoctorId id,
        ClinicId clinicId,
        String clinicName,
        UserId userId,
        String email,
        String lastName,
        String firstName,
        String patronymic,
        List<Specialty> specialties,
        String position,
        Integer experienceYears,
        String biography,
        String timezone,
        Visibility visibility,
        boolean active,
        boolean hasPhoto) {

    /** The name as a patient reads it: {@code Петров Иван Сергеевич}. */
    public String fullName() {
        return patronymic == null ? lastName + " " + firstName : lastName + " " + firstName + " " + patronymic;
    }
}
