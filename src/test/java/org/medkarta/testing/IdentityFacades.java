package org.medkarta.testing;

import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.ApiTokens;
import org.medkarta.identity.Registration;
import org.medkarta.identity.SignIn;
import org.medkarta.identity.StaffAccounts;
import org.springframework.stereotype.Component;

/**
 * The identity module's facades together, for tests that register patients, invite staff and sign
 * them in with {@link TestPatients}, {@link TestStaff} and {@link TestCare} before they test another
 * module. Found by component scanning in every {@code @SpringBootTest} context, like {@link
 * TestClockConfiguration}, so it adds no context of its own.
 */
@Component
public class IdentityFacades {

    private final Registration registration;
    private final SignIn signIn;
    private final StaffAccounts staff;
    private final ApiTokens tokens;
    private final AccountDirectory accounts;

    IdentityFacades(
            Registration registration,
            SignIn signIn,
            StaffAccounts staff,
            ApiTokens tokens,
            AccountDirectory accounts) {
        this.registration = registration;
        this.signIn = signIn;
        this.staff = staff;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    public Registration registration() {
        return registration;
    }

    public SignIn signIn() {
        return signIn;
    }

    public StaffAccounts staff() {
        return staff;
    }

    public ApiTokens tokens() {
        return tokens;
    }

    public AccountDirectory accounts() {
        return accounts;
    }
}
