package org.medkarta.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.medkarta.identity.Identity;
import org.medkarta.identity.SignInEntry;
import org.medkarta.identity.SignedInUser;
import org.medkarta.identity.TotpEnrolment;
import org.springframework.http.HttpStatus;
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

    private final Identity identity;

    MeApi(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/sign-ins")
    List<SignInEntry> signIns(@AuthenticationPrincipal SignedInUser user) {
        return identity.history(user.userId());
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
