package org.medkarta.identity;

import java.time.LocalDate;
import java.util.List;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * A patient record as staff see it when they look a patient up (SPEC C6): enough to tell apart the
 * several records one phone can lead to.
 *
 * <p>A {@linkplain #limited() limited} card is what a registry search shows of a patient no clinic
 * of the searcher cares for yet (SPEC F4, issue 12): the initials and the birth year, enough to book,
 * and nothing else; the names hold initials only and every other identifier is null.
 *
 * @param phone the phone to reach the patient: their sign-in phone, or the contact phone staff
 *     entered (which other records may share, a parent's for a child)
 * @param signsIn whether the record has its own sign-in phone or e-mail
 * @param birthYear the year of birth, shown on limited cards too
 * @param limited whether this is only what booking needs
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
        List<PolicyView> policies,
        Integer birthYear,
        boolean limited) {

    public String fullName() {
        return patronymic == null ? lastName + " " + firstName : lastName + " " + firstName + " " + patronymic;
    }

    /** The birth date, or only the year on a limited card. */
    public String born() {
        return birthDate != null
                ? java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(birthDate)
                : birthYear == null ? "" : birthYear.toString();
    }

    /** What booking needs of this record and nothing more: initials and the birth year. */
    PatientCard limitedToBooking() {
        return new PatientCard(
                null,
                patientId,
                initial(lastName),
                initial(firstName),
                patronymic == null ? null : initial(patronymic),
                null,
                null,
                null,
                null,
                false,
                List.of(),
                birthDate == null ? null : birthDate.getYear(),
                true);
    }

    private static String initial(String name) {
        return name == null || name.isEmpty()
                ? ""
                : name.codePoints()
                                .limit(1)
                                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        + ".";
    }
}
