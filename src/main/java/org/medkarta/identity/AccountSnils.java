package org.medkarta.identity;

import java.util.Optional;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Snils;
import org.medkarta.shared.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SNILS an account holds, as a person's own identifier: a doctor's signs their protocols (a
 * qualified certificate names its owner by SNILS, issue 16), so the doctor enters it once in their
 * profile and the consultation module checks every signing certificate against it.
 */
@Service
public class AccountSnils {

    private final Accounts accounts;

    AccountSnils(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The account's SNILS, if it holds one. */
    @Transactional(readOnly = true)
    public Optional<Snils> of(UserId account) {
        return accounts.byId(account)
                .map(Account::snils)
                .filter(s -> s != null && !s.isBlank())
                .map(Snils::new);
    }

    /**
     * The person records their own SNILS in their profile. A SNILS names one person, so one another
     * account holds is refused.
     *
     * @throws InvalidInput {@code snils}: missing, a wrong checksum, or held by another account
     */
    @Transactional
    public Snils record(SignedInUser user, String text) {
        if (user == null) {
            throw new NotFound();
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInput("snils", "validation.required");
        }
        Snils snils = Snils.parse(text, "snils");
        accounts.byId(user.userId()).orElseThrow(NotFound::new);
        if (accounts.bySnils(snils.digits())
                .filter(other -> !other.id().equals(user.userId()))
                .isPresent()) {
            throw new InvalidInput("snils", "identity.validation.snils-taken");
        }
        try {
            accounts.setSnils(user.userId(), snils.digits());
        } catch (DuplicateKeyException race) {
            throw new InvalidInput("snils", "identity.validation.snils-taken");
        }
        return snils;
    }
}
