package org.medkarta.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/** An account as stored; behaviour lives in the services that lock and change it. */
record Account(
        UserId id,
        PatientId patientId,
        Status status,
        String lastName,
        String firstName,
        String patronymic,
        LocalDate birthDate,
        String phone,
        String email,
        Instant emailConfirmedAt,
        String snils,
        String passwordHash,
        int failedPasswords,
        Instant lockedAt,
        String totpSecret,
        boolean totpEnabled,
        Long totpLastStep,
        List<RoleGrant> roles) {

    enum Status {
        ACTIVE,
        INVITED,
        CLOSED
    }

    Account withRoles(List<RoleGrant> granted) {
        return new Account(
                id,
                patientId,
                status,
                lastName,
                firstName,
                patronymic,
                birthDate,
                phone,
                email,
                emailConfirmedAt,
                snils,
                passwordHash,
                failedPasswords,
                lockedAt,
                totpSecret,
                totpEnabled,
                totpLastStep,
                granted);
    }

    String displayName() {
        return patronymic == null || patronymic.isBlank()
                ? firstName + " " + lastName
                : firstName + " " + patronymic + " " + lastName;
    }

    SignedInUser signedIn(String method) {
        return new SignedInUser(id, displayName(), patientId, roles, method);
    }
}
