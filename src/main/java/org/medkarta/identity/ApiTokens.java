package org.medkarta.identity;

import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens (SPEC A7): a 15-minute access token and a rotating refresh token for a signed-in user, a
 * refresh token used twice revoking its whole family, and signing out of one or every API sign-in.
 */
@Service
public class ApiTokens {

    private final Accounts accounts;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final StaffAccounts staffAccounts;
    private final TransactionTemplate transaction;

    ApiTokens(
            Accounts accounts,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            StaffAccounts staffAccounts,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.staffAccounts = staffAccounts;
        this.transaction = transaction;
    }

    /** Issues API tokens for a signed-in user: a 15-minute access token and a refresh token. */
    public Tokens tokensFor(SignedInUser user) {
        String refresh = transaction.execute(status -> refreshTokens.start(user.userId()));
        return Tokens.bearer(accessTokens.issue(user), refresh, accessTokens.lifetimeSeconds());
    }

    /**
     * Tokens for a staff member signed in by password; refused while their clinic requires an
     * authenticator app they have not set up (that is done in the browser, on the security page).
     *
     * @throws IdentityRefusal {@code totp-enrolment-required}
     */
    public Tokens staffTokensFor(SignedInUser user) {
        if (staffAccounts.totpEnrolmentRequired(user.userId())) {
            throw IdentityRefusal.totpEnrolmentRequired();
        }
        return tokensFor(user);
    }

    /**
     * Exchanges a refresh token for new tokens. A token used twice revokes its whole family.
     *
     * @throws IdentityRefusal {@code invalid-token}
     */
    public Tokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new InvalidInput("refreshToken", "validation.required");
        }
        var rotated = transaction.execute(status -> refreshTokens.rotate(refreshToken.strip()));
        var account = rotated.flatMap(next -> accounts.byId(next.user()))
                .filter(found -> found.status() == Account.Status.ACTIVE && found.lockedAt() == null);
        if (account.isEmpty()) {
            throw IdentityRefusal.invalidToken();
        }
        var user = account.get().signedIn("REFRESH");
        return Tokens.bearer(accessTokens.issue(user), rotated.get().token(), accessTokens.lifetimeSeconds());
    }

    /** Ends the API sign-in a refresh token belongs to. */
    public void signOut(String refreshToken) {
        if (refreshToken != null && !refreshToken.isBlank()) {
            transaction.executeWithoutResult(status -> refreshTokens.revoke(refreshToken.strip()));
        }
    }

    /** Ends every API sign-in of a user ("sign out everywhere else" also ends browser sessions). */
    public void revokeApiTokens(UserId user) {
        transaction.executeWithoutResult(status -> refreshTokens.revokeAll(user));
    }
}
