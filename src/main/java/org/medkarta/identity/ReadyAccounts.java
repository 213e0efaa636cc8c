package org.medkarta.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.medkarta.shared.Email;
import org.medkarta.shared.Phone;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates ready-to-use accounts, skipping any that exist: the bootstrap administrator and demo data. */
@Component
class ReadyAccounts {

    private final Accounts accounts;
    private final Registration registration;
    private final RoleGrants roleGrants;
    private final StaffAccounts staffAccounts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReadyAccounts(
            Accounts accounts,
            Registration registration,
            RoleGrants roleGrants,
            StaffAccounts staffAccounts,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.registration = registration;
        this.roleGrants = roleGrants;
        this.staffAccounts = staffAccounts;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A staff account with a password; false when the e-mail already has an account. */
    boolean staffIfAbsent(Email email, String firstName, String lastName, Role role, String password) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (accounts.emailTaken(email.address())) {
                return false;
            }
            var id = new UserId(UUID.randomUUID());
            accounts.insert(
                    id,
                    null,
                    Account.Status.ACTIVE,
                    lastName,
                    firstName,
                    null,
                    null,
                    null,
                    email.address(),
                    null,
                    clock.instant());
            accounts.confirmEmail(id, clock.instant());
            roleGrants.grant(id, role, null);
            accounts.setPassword(id, staffAccounts.hash(password));
            return true;
        }));
    }

    /** A patient who signs in by SMS code; false when the phone already has an account. */
    boolean patientIfAbsent(
            Phone phone, Email email, String lastName, String firstName, String patronymic, LocalDate birthDate) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (accounts.phoneTaken(phone.e164())) {
                return false;
            }
            var now = clock.instant();
            var created = registration.createPatient(
                    new Registration.NewPatient(
                            lastName, firstName, patronymic, birthDate, phone.e164(), email.address(), null),
                    true,
                    now);
            accounts.acceptTerms(created.userId(), registration.termsVersion(), now, "demo");
            return true;
        }));
    }
}
