package org.medkarta.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medkarta.notification.Contact;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Phone;
import org.medkarta.shared.Snils;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Service;

/**
 * Who a person is (SPEC A1, A7, C6): the account behind a user or a medical record, whether it was
 * closed, where the person can be reached, the patients staff find by phone or SNILS, a staff account
 * by e-mail and one's own sign-in history. Other modules read people here; nothing here changes data.
 */
@Service
public class AccountDirectory {

    private final Accounts accounts;
    private final SignIns signIns;

    AccountDirectory(Accounts accounts, SignIns signIns) {
        this.accounts = accounts;
        this.signIns = signIns;
    }

    /**
     * Where a person can be reached: their phone, and their e-mail only once it is confirmed, so that
     * no notice goes to an address nobody has proved to own (SPEC A2).
     */
    public Optional<Contact> contact(UserId user) {
        return accounts.contact(user);
    }

    /**
     * The patients staff may book for, found by a phone or a SNILS as typed (SPEC C6): the account
     * holding it, when it has a medical record.
     */
    public List<AccountView> findPatients(String phoneOrSnils) {
        if (phoneOrSnils == null || phoneOrSnils.isBlank()) {
            return List.of();
        }
        Optional<Account> found = Optional.empty();
        try {
            found = accounts.byPhone(Phone.parse(phoneOrSnils, "query").e164());
        } catch (InvalidInput notAPhone) {
            // It may still be a SNILS.
        }
        if (found.isEmpty()) {
            try {
                found = accounts.bySnils(Snils.parse(phoneOrSnils, "query").digits());
            } catch (InvalidInput notASnils) {
                // Neither: nobody is found.
            }
        }
        return found.filter(account -> account.patientId() != null).map(AccountView::of).stream()
                .toList();
    }

    /** The account whose own medical record this is. */
    public Optional<AccountView> patient(PatientId patient) {
        return accounts.byPatient(patient).map(AccountView::of);
    }

    /** Whether the account whose record this is was closed (SPEC A9); the record itself is kept. */
    public boolean closed(PatientId patient) {
        return accounts.byPatient(patient)
                .map(account -> account.status() == Account.Status.CLOSED)
                .orElse(false);
    }

    public Optional<AccountView> account(UserId user) {
        return accounts.byId(user).map(AccountView::of);
    }

    /**
     * The open, unlocked staff account with this e-mail (an invited one too), for work done on a staff member's behalf
     * outside a request (the {@code --fhir-import} command); a patient's account is not one.
     */
    public Optional<AccountView> staffAccount(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return accounts.byEmail(email.strip().toLowerCase(Locale.ROOT))
                .filter(found -> found.status() != Account.Status.CLOSED && found.lockedAt() == null)
                .filter(found -> found.roles().stream().anyMatch(grant -> grant.role() != Role.PATIENT))
                .map(AccountView::of);
    }

    /** The user's sign-in history, newest first. */
    public List<SignInEntry> history(UserId user) {
        return signIns.of(user, 50);
    }
}
