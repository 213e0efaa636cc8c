package org.medkarta.identity;

import java.time.LocalDate;
import java.util.List;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/** What a person sees of their own account on the profile page. */
public record AccountView(
        UserId userId,
        PatientId patientId,
        String lastName,
        String firstName,
        String patronymic,
        LocalDate birthDate,
        String phone,
        String email,
        boolean emailConfirmed,
        List<RoleGrant> roles,
        boolean totpEnabled) {

    /**
     * Each role once, in a stable order: a doctor of two clinics (or a demo doctor invited into a
     * clinic after being made staff) holds the role twice and must not read «Врач Врач».
     */
    public List<Role> roleKinds() {
        return roles.stream().map(RoleGrant::role).distinct().sorted().toList();
    }

    static AccountView of(Account account) {
        return new AccountView(
                account.id(),
                account.patientId(),
                account.lastName(),
                account.firstName(),
                account.patronymic(),
                account.birthDate(),
                account.phone(),
                account.email(),
                account.emailConfirmedAt() != null,
                account.roles(),
                account.totpEnabled());
    }
}
