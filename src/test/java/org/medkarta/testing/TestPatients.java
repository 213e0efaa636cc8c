package org.medkarta.testing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.PatientRegistration;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;

/** Patients registered as people register themselves (SPEC A1): a phone, a name, a birth date, the terms accepted. */
public final class TestPatients {

    private TestPatients() {}

    /** Registers a patient with a fresh e-mail address; {@code patronymic} may be null. */
    public static Registered register(
            IdentityFacades identity,
            String lastName,
            String firstName,
            String patronymic,
            String phone,
            String birthDate) {
        return identity.registration()
                .register(
                        new PatientRegistration(
                                lastName,
                                firstName,
                                patronymic,
                                phone,
                                birthDate,
                                "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                                identity.registration().termsVersion()),
                        new ClientInfo("127.0.0.1", "test"),
                        "http://localhost",
                        Locale.ENGLISH);
    }

    /** An API access token of the registered patient, as an SMS sign-in would give. */
    public static String tokenOf(IdentityFacades identity, Registered account, String firstName) {
        return identity.tokens()
                .tokensFor(new SignedInUser(
                        account.userId(),
                        firstName,
                        account.patientId(),
                        List.of(new RoleGrant(Role.PATIENT, null)),
                        "SMS_CODE"))
                .accessToken();
    }
}
