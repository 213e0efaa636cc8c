package org.medkarta.identity;

import java.util.Optional;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Phone;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phone a doctor takes calls to patients on (SPEC D6; seed 004: «Аудиозвонок на телефон» —
 * «пациент не видит при этом вашего номера телефона»). The telephony gateway rings it first and then
 * the patient's phone; the number is the doctor's own business, entered on their profile page and
 * shown to nobody else.
 */
@Service
public class AccountCallPhone {

    private final Accounts accounts;

    AccountCallPhone(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The account's phone for calls, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Phone> of(UserId account) {
        return accounts.callPhone(account).filter(text -> !text.isBlank()).map(Phone::new);
    }

    /**
     * The person records the phone they take calls to patients on; a blank one removes it.
     *
     * @throws org.medkarta.shared.InvalidInput {@code callPhone}: not a mobile number
     */
    @Transactional
    public Optional<Phone> record(SignedInUser user, String text) {
        if (user == null) {
            throw new NotFound();
        }
        accounts.byId(user.userId()).orElseThrow(NotFound::new);
        if (text == null || text.isBlank()) {
            accounts.setCallPhone(user.userId(), null);
            return Optional.empty();
        }
        Phone phone = Phone.parse(text, "callPhone");
        accounts.setCallPhone(user.userId(), phone.e164());
        return Optional.of(phone);
    }
}
