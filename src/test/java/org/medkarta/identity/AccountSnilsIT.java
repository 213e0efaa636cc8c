package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link AccountSnils}: a person records their own SNILS, which names one account alone. */
class AccountSnilsIT extends ApiSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    AccountSnils snils;

    private SignedInUser patient() {
        var account = TestPatients.register(identity, "Снилсов", "Семён", null, Phones.unique(), "1985-03-04");
        return new SignedInUser(
                account.userId(), "Семён", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
    }

    @Test
    void aPersonRecordsTheirSnilsAndReadsItBack() {
        var me = patient();
        String number = Identifiers.snils();

        assertThat(snils.of(me.userId())).isEmpty();
        var recorded = snils.record(me, number);
        assertThat(snils.of(me.userId())).contains(recorded);
        assertThat(recorded.digits()).isEqualTo(number.replaceAll("\\D", ""));
        assertThat(snils.record(me, number)).isEqualTo(recorded);
    }

    @Test
    void aMissingAWrongOrAnotherAccountsSnilsIsRefusedNamingTheField() {
        var me = patient();
        var other = patient();
        String taken = Identifiers.snils();
        snils.record(other, taken);

        for (String wrong : new String[] {" ", "123-456-789 00", taken}) {
            assertThatThrownBy(() -> snils.record(me, wrong))
                    .as(wrong)
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            invalid -> assertThat(invalid.field()).isEqualTo("snils"));
        }
        assertThat(snils.of(me.userId())).isEmpty();
        assertThatThrownBy(() -> snils.record(null, taken)).isInstanceOf(NotFound.class);
        assertThat(snils.of(new UserId(UUID.randomUUID()))).isEmpty();
    }
}
