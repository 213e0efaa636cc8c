package org.medkarta.identity;

import java.time.LocalDate;
import java.util.List;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * A patient record as staff see it when they look a patient up (SPEC C6): enough to tell apart the
 * several records one phone can lead to.
 *
 * @param phone the phone to reach the patient: their sign-in phone, or the contact phone staff
 *     entered (which other records may share, a parent's for a child)
 * @param signsIn whether the record has its own sign-in phone or e-mail
 */
public record PatientCard(
        UserId userId,
        PatientId patientId,
        String lastName,
        String firstName,
        String patronymic,
        LocalDate birthDate,
        Sex sex,
        String phone,
        String snils,
        boolean signsIn,
        List<PolicyView> policies) {

    public String fullName() {
        return patronymic == null ? lastName + " " + firstName : lastName + " " + firstName + " " + patronymic;
    }
}
