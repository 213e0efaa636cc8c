package org.medkarta.access.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.medkarta.access.RecordAccess;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me} (ARCHITECTURE.md, "Sign-in"): who the user is and every record they may
 * open. It lives here, not in identity, because the records come from the access module and
 * identity must not depend on it.
 */
@RestController
@Tag(name = "Account")
class RecordsMeApi {

    record Record(UUID patientId, String relation, String level) {}

    record Me(UUID userId, List<String> roles, List<RoleGrant> clinicRoles, UUID patientId, List<Record> records) {}

    private final RecordAccess access;

    RecordsMeApi(RecordAccess access) {
        this.access = access;
    }

    @GetMapping("/api/v1/me")
    @PreAuthorize("isAuthenticated()")
    Me me(@AuthenticationPrincipal SignedInUser user) {
        return new Me(
                user.userId().value(),
                user.roles().stream()
                        .map(grant -> grant.role().name())
                        .distinct()
                        .toList(),
                user.roles().stream().filter(grant -> grant.clinic() != null).toList(),
                user.patientId() == null ? null : user.patientId().value(),
                access.records(user).stream()
                        .map(ref -> new Record(
                                ref.patientId().value(),
                                ref.relation().name(),
                                ref.level().name()))
                        .toList());
    }
}
