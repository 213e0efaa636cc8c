package org.medkarta.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.medkarta.identity.AccountClosure;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignInEntry;
import org.medkarta.identity.SignedInUser;
import org.medkarta.identity.StaffAccounts;
import org.medkarta.identity.TotpEnrolment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's sign-ins and second factor. {@code GET /api/v1/me} itself is composed by the
 * access module, which knows the records a user may open.
 */
@RestController
@RequestMapping("/api/v1/me")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Account")
class MeApi {

    record TotpCode(String code) {}

    record Enrolment(String secret, String otpauthUri) {}

    record CloseRequest(String code) {}

    record Closed(java.time.Instant closedAt, java.time.LocalDate recordRetainedUntil, long retentionYears) {}

    private final StaffAccounts identity;
    private final AccountDirectory accountDirectory;
    private final AccountClosure closure;

    MeApi(StaffAccounts identity, AccountDirectory accountDirectory, AccountClosure closure) {
        this.identity = identity;
        this.accountDirectory = accountDirectory;
        this.closure = closure;
    }

    /**
     * Closes the caller's patient account (SPEC A9): without a code sends one (202 {@code {expiresInSeconds,
     * resendAfterSeconds}}); with {@code {code}} closes the account (200) and says until when the record is kept.
     */
    @PostMapping("/close")
    ResponseEntity<?> close(
            @AuthenticationPrincipal SignedInUser user,
            @RequestBody(required = false) CloseRequest body,
            Locale locale) {
        if (body == null || body.code() == null || body.code().isBlank()) {
            return ResponseEntity.accepted().body(closure.requestCode(user, locale));
        }
        var closed = closure.close(user, body.code(), locale);
        return ResponseEntity.ok(new Closed(closed.closedAt(), closed.retainUntil(), closure.retentionYears()));
    }

    @GetMapping("/sign-ins")
    List<SignInEntry> signIns(@AuthenticationPrincipal SignedInUser user) {
        return accountDirectory.history(user.userId());
    }

    @PostMapping("/totp")
    Enrolment startTotp(@AuthenticationPrincipal SignedInUser user) {
        TotpEnrolment enrolment = identity.startTotp(user.userId());
        return new Enrolment(enrolment.secret(), enrolment.otpauthUri());
    }

    @PostMapping("/totp/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmTotp(@AuthenticationPrincipal SignedInUser user, @RequestBody TotpCode body) {
        identity.confirmTotp(user.userId(), body.code());
    }
}
