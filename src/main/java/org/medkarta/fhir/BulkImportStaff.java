package org.medkarta.fhir;

import java.util.List;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * Who may import into a clinic (issue 15): its registrars and administrators, and no one else, who is
 * answered {@link NotFound}; and the staff member a job runs as.
 */
@Component
class BulkImportStaff {

    private final AccountDirectory identity;
    private final ClinicAdministrators clinics;

    BulkImportStaff(AccountDirectory identity, ClinicAdministrators clinics) {
        this.identity = identity;
        this.clinics = clinics;
    }

    /** @throws NotFound unless {@code user} is a registrar or administrator of the clinic */
    void check(UserId user, ClinicId clinic) {
        if (user == null
                || clinic == null
                || identity.account(user)
                        .filter(account -> isStaff(account, clinic))
                        .isEmpty()) {
            throw new NotFound();
        }
    }

    /**
     * The staff member the job runs as, with only their roles in the job's clinic (so that a record
     * the import creates is registered by that clinic); null once they no longer work there.
     */
    SignedInUser actor(UserId user, ClinicId clinic) {
        return identity.account(user)
                .filter(account -> isStaff(account, clinic))
                .map(account -> new SignedInUser(
                        account.userId(),
                        account.firstName() + " " + account.lastName(),
                        null,
                        account.roles().stream()
                                .filter(grant -> grant.role() == Role.REGISTRAR || grant.role() == Role.CLINIC_ADMIN)
                                .filter(grant ->
                                        grant.clinic() == null || grant.clinic().equals(clinic))
                                .toList(),
                        "FHIR_BULK_IMPORT"))
                .orElse(null);
    }

    /** A registrar of the clinic, or one of its administrators. */
    private boolean isStaff(AccountView account, ClinicId clinic) {
        boolean registrar = account.roles().stream()
                .anyMatch(grant -> grant.role() == Role.REGISTRAR && clinic.equals(grant.clinic()));
        if (registrar) {
            return true;
        }
        return account.roles().stream().anyMatch(grant -> grant.role() == Role.CLINIC_ADMIN)
                && clinics.administers(
                        new SignedInUser(
                                account.userId(),
                                account.firstName(),
                                null,
                                List.of(new RoleGrant(Role.CLINIC_ADMIN, null)),
                                "FHIR_BULK_IMPORT"),
                        clinic);
    }
}
