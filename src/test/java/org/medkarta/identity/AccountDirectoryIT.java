package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link AccountDirectory}: who a person is and the patients staff find by phone or SNILS (SPEC A1, C6). */
class AccountDirectoryIT extends ApiSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    AccountSnils snils;

    @Test
    void aPatientIsFoundByTheirPhoneAsTypedOrByTheirSnilsAndReadByAccountAndRecord() {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Каталогова", "Карина", null, phone, "1991-02-03");
        String number = Identifiers.snils();
        snils.record(
                new SignedInUser(
                        account.userId(),
                        "Карина",
                        account.patientId(),
                        List.of(new RoleGrant(Role.PATIENT, null)),
                        "SMS_CODE"),
                number);
        var directory = identity.accounts();

        assertThat(directory.findPatients(phone))
                .extracting(AccountView::userId)
                .containsExactly(account.userId());
        assertThat(directory.findPatients("8" + phone.substring(2)))
                .extracting(AccountView::userId)
                .containsExactly(account.userId());
        assertThat(directory.findPatients(number))
                .extracting(AccountView::userId)
                .containsExactly(account.userId());
        assertThat(directory.account(account.userId()))
                .hasValueSatisfying(found -> assertThat(found.lastName()).isEqualTo("Каталогова"));
        assertThat(directory.patient(account.patientId()))
                .hasValueSatisfying(found -> assertThat(found.userId()).isEqualTo(account.userId()));
        assertThat(directory.closed(account.patientId())).isFalse();
    }

    @Test
    void nobodyIsFoundByABlankAnUnknownOrAMalformedQuery() {
        var directory = identity.accounts();

        assertThat(directory.findPatients(null)).isEmpty();
        assertThat(directory.findPatients(" ")).isEmpty();
        assertThat(directory.findPatients(Phones.unique())).isEmpty();
        assertThat(directory.findPatients("не телефон")).isEmpty();
        assertThat(directory.account(new UserId(UUID.randomUUID()))).isEmpty();
        assertThat(directory.patient(new PatientId(UUID.randomUUID()))).isEmpty();
        assertThat(directory.staffAccount("nobody-" + UUID.randomUUID() + "@example.ru"))
                .isEmpty();
    }
}
