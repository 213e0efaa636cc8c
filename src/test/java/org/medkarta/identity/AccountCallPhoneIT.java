package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Phone;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link AccountCallPhone}: the phone a person takes calls on, recorded, read and removed. */
class AccountCallPhoneIT extends ApiSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    AccountCallPhone callPhone;

    private SignedInUser person() {
        var account = TestPatients.register(identity, "Звонков", "Зиновий", null, Phones.unique(), "1979-11-12");
        return new SignedInUser(
                account.userId(),
                "Зиновий",
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
    }

    @Test
    void aPhoneIsRecordedInItsOneFormAndABlankOneRemovesIt() {
        var me = person();
        String number = Phones.unique();

        assertThat(callPhone.of(me.userId())).isEmpty();
        var recorded = callPhone.record(me, number);
        assertThat(recorded).contains(Phone.parse(number, "callPhone"));
        assertThat(callPhone.of(me.userId())).isEqualTo(recorded);

        assertThat(callPhone.record(me, " ")).isEmpty();
        assertThat(callPhone.of(me.userId())).isEmpty();
    }

    @Test
    void aNumberThatIsNoPhoneIsRefusedNamingTheFieldAndKeepsTheOldOne() {
        var me = person();
        String number = Phones.unique();
        callPhone.record(me, number);

        assertThatThrownBy(() -> callPhone.record(me, "позвоните мне"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("callPhone"));
        assertThat(callPhone.of(me.userId())).contains(Phone.parse(number, "callPhone"));
        assertThatThrownBy(() -> callPhone.record(null, number)).isInstanceOf(NotFound.class);
    }
}
