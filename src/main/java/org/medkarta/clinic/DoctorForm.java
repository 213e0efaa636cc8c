package org.medkarta.clinic;

import java.util.List;

/**
 * A doctor's profile in a clinic (SPEC B3). On invitation {@code email} names the account; on an
 * update it is ignored. Null {@code visibility} means {@link Visibility#REGION}, null {@code active}
 * means active, null {@code timezone} the clinic's.
 */
public record DoctorForm(
        String email,
        String lastName,
        String firstName,
        String patronymic,
        List<String> specialties,
        String position,
        Integer experienceYears,
        String biography,
        String timezone,
        String visibility,
        Boolean active) {}
