package org.medkarta.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.medkarta.identity.ApiTokens;
import org.medkarta.identity.CodeSent;
import org.medkarta.identity.SignIn;
import org.medkarta.identity.StaffAccounts;
import org.medkarta.identity.Tokens;
import org.medkarta.shared.PublicUrl;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in for apps and portals: one-time SMS codes for patients, passwords for staff, token refresh. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in")
class AuthApi {

    record CodeRequest(String phone, String channel) {}

    record CodeCheck(String phone, String code) {}

    record PasswordSignIn(String email, String password, String totp) {}

    record Refresh(String refreshToken) {}

    record ResetRequest(String email) {}

    private final ApiTokens identity;
    private final SignIn signIn;
    private final StaffAccounts staffAccounts;
    private final PublicUrl publicUrl;

    AuthApi(ApiTokens identity, SignIn signIn, StaffAccounts staffAccounts, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.identity = identity;
        this.signIn = signIn;
        this.staffAccounts = staffAccounts;
    }

    /**
     * Sends a one-time code by SMS, or by e-mail to the account's confirmed address with {@code
     * channel: "email"}; 429 {@code resend-too-soon}, 423 {@code sign-in-blocked}.
     */
    @PostMapping("/otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CodeSent requestCode(@RequestBody CodeRequest body, HttpServletRequest request, Locale locale) {
        return signIn.requestCode(body.phone(), body.channel(), Clients.of(request), locale);
    }

    /** Checks the code; 401 {@code wrong-code}, 410 {@code code-expired}, 423 {@code sign-in-blocked}. */
    @PostMapping("/otp/verify")
    Tokens verifyCode(@RequestBody CodeCheck body, HttpServletRequest request) {
        return identity.tokensFor(signIn.signInWithCode(body.phone(), body.code(), Clients.of(request)));
    }

    /** Staff sign-in; 401 {@code bad-credentials} or {@code totp-required}, 423 {@code account-locked}. */
    @PostMapping("/login")
    Tokens login(@RequestBody PasswordSignIn body, HttpServletRequest request, Locale locale) {
        return identity.staffTokensFor(signIn.signInWithPassword(
                body.email(), body.password(), body.totp(), Clients.of(request), publicUrl.base(), locale));
    }

    /** New tokens for a refresh token, which is used up; 401 {@code invalid-token}. */
    @PostMapping("/refresh")
    Tokens refresh(@RequestBody Refresh body) {
        return identity.refresh(body.refreshToken());
    }

    /** Ends the sign-in of a refresh token. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody Refresh body) {
        identity.signOut(body.refreshToken());
    }

    /** E-mails a password reset link when the address has an account; the answer is the same either way. */
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@RequestBody ResetRequest body, Locale locale) {
        staffAccounts.requestPasswordReset(body.email(), publicUrl.base(), locale);
    }
}
