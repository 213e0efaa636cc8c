package org.medkarta.access.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.access.AccessAudit;
import org.medkarta.access.AccessLogQuery;
import org.medkarta.access.ChildForm;
import org.medkarta.access.ChildView;
import org.medkarta.access.Delegation;
import org.medkarta.access.EmergencyAccess;
import org.medkarta.access.EmergencyOpening;
import org.medkarta.access.GrantForm;
import org.medkarta.access.GrantInvitations;
import org.medkarta.access.GrantView;
import org.medkarta.access.Guardianship;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Access to records over the API (ARCHITECTURE.md "Medical record and access"; SPEC E11, F1-F4):
 * grants and their confirmation, invitations, children, emergency openings and the patient's
 * access log. Every endpoint needs a signed-in caller: an anonymous request gets 401, as on every
 * other endpoint about a record, and is audited by the sign-in refusal (see the shared {@code
 * AnonymousAttempts} port); a signed-in one is answered and audited by the policy point.
 */
@RestController
@Tag(name = "Access")
class AccessApi {

    record Grant(
            UUID id,
            UUID patientId,
            String granteeName,
            String granteePhone,
            String granteeEmail,
            String level,
            String status,
            Instant createdAt,
            Instant acceptedAt,
            Instant revokedAt) {
        static Grant of(GrantView grant) {
            return new Grant(
                    grant.id(),
                    grant.patientId().value(),
                    grant.granteeName(),
                    grant.granteePhone(),
                    grant.granteeEmail(),
                    grant.level().name(),
                    grant.status().name(),
                    grant.createdAt(),
                    grant.acceptedAt(),
                    grant.revokedAt());
        }
    }

    record CodeBody(String code) {}

    record LevelBody(String level, String code) {}

    record AcceptBody(String code, Boolean acceptTerms) {}

    record CodeSent(boolean codeSent) {}

    record ReasonBody(String reason) {}

    record Emergency(UUID patientId, String reason, Instant until) {
        static Emergency of(EmergencyOpening opening) {
            return new Emergency(opening.patientId().value(), opening.reason(), opening.until());
        }
    }

    record Child(UUID patientId, String name, String birthDate, String accessEnds, boolean parentAccess) {
        static Child of(ChildView child) {
            return new Child(
                    child.patientId().value(),
                    child.name(),
                    child.birthDate().toString(),
                    child.accessEnds().toString(),
                    child.parentAccess());
        }
    }

    record Linked(UUID patientId) {}

    record LinkBody(
            String parentPhone,
            String childQuery,
            String lastName,
            String firstName,
            String patronymic,
            String birthDate) {}

    record PhoneBody(String phone) {}

    record AccessLogLine(
            long seq,
            Instant at,
            UUID actor,
            String role,
            String action,
            String deed,
            String outcome,
            boolean emergency,
            String readerName,
            String clinicName,
            String kind,
            String subject,
            String reason) {
        static AccessLogLine of(org.medkarta.access.AccessLogLine line) {
            return new AccessLogLine(
                    line.seq(),
                    line.at().toInstant(),
                    line.readerId(),
                    line.role(),
                    line.action(),
                    line.deed(),
                    line.allowed() ? "SUCCESS" : "DENIED",
                    line.emergency(),
                    line.readerName(),
                    line.clinicName(),
                    line.kind() == null ? null : line.kind().name(),
                    line.subject(),
                    line.reason());
        }
    }

    private final Delegation delegation;
    private final GrantInvitations invitations;
    private final Guardianship guardianship;
    private final EmergencyAccess access;
    private final AccessAudit log;

    AccessApi(
            Delegation delegation,
            GrantInvitations invitations,
            Guardianship guardianship,
            EmergencyAccess access,
            AccessAudit log) {
        this.delegation = delegation;
        this.invitations = invitations;
        this.guardianship = guardianship;
        this.access = access;
        this.log = log;
    }

    /** The record's grants, revoked ones included: for the patient or their parent. */
    @GetMapping("/api/v1/patients/{patientId}/grants")
    @PreAuthorize("isAuthenticated()")
    List<Grant> grants(@AuthenticationPrincipal SignedInUser user, @PathVariable String patientId) {
        return delegation.grants(user, PatientId.of(patientId)).stream()
                .map(Grant::of)
                .toList();
    }

    /**
     * Starts a grant {@code {granteePhone|granteeEmail, granteeName?, level}}: 201 with status
     * {@code PENDING}; a one-time code goes to the caller, to confirm at {@code /grants/{id}/confirm}.
     */
    @PostMapping("/api/v1/patients/{patientId}/grants")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    Grant start(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String patientId,
            @RequestBody GrantForm body,
            Locale locale) {
        return Grant.of(delegation.start(user, PatientId.of(patientId), body, locale));
    }

    @GetMapping("/api/v1/grants/{id}")
    @PreAuthorize("isAuthenticated()")
    Grant grant(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Grant.of(delegation.grant(user, TypedId.parse(id, "id")));
    }

    /** Confirms a pending grant with the code: the invitee gets an SMS or e-mail. */
    @PostMapping("/api/v1/grants/{id}/confirm")
    @PreAuthorize("isAuthenticated()")
    Grant confirm(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody CodeBody body,
            Locale locale) {
        return Grant.of(delegation.confirm(user, TypedId.parse(id, "id"), body.code(), locale));
    }

    /** {@code {level}} sends a code (202); {@code {level, code}} then changes the level (200). */
    @PostMapping("/api/v1/grants/{id}/level")
    @ApiResponse(
            responseCode = "200",
            description = "Done with the code",
            content = @Content(schema = @Schema(implementation = Grant.class)))
    @ApiResponse(
            responseCode = "202",
            description = "A confirmation code was sent",
            content = @Content(schema = @Schema(implementation = CodeSent.class)))
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<?> level(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody LevelBody body,
            Locale locale) {
        UUID grant = TypedId.parse(id, "id");
        if (body.code() == null || body.code().isBlank()) {
            delegation.requestLevelChange(user, grant, body.level(), locale);
            return ResponseEntity.accepted().body(new CodeSent(true));
        }
        return ResponseEntity.ok(Grant.of(delegation.changeLevel(user, grant, body.code(), locale)));
    }

    /** Without a code sends one (202); with {@code {code}} revokes (200), in force on the next request. */
    @PostMapping("/api/v1/grants/{id}/revoke")
    @ApiResponse(
            responseCode = "200",
            description = "Done with the code",
            content = @Content(schema = @Schema(implementation = Grant.class)))
    @ApiResponse(
            responseCode = "202",
            description = "A confirmation code was sent",
            content = @Content(schema = @Schema(implementation = CodeSent.class)))
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<?> revoke(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody(required = false) CodeBody body,
            Locale locale) {
        UUID grant = TypedId.parse(id, "id");
        if (body == null || body.code() == null || body.code().isBlank()) {
            delegation.requestRevocation(user, grant, locale);
            return ResponseEntity.accepted().body(new CodeSent(true));
        }
        return ResponseEntity.ok(Grant.of(delegation.revoke(user, grant, body.code(), locale)));
    }

    /** Invitations waiting for the signed-in person (by their phone or confirmed e-mail) and grants they hold. */
    @GetMapping("/api/v1/invitations")
    @PreAuthorize("isAuthenticated()")
    List<Grant> invitations(@AuthenticationPrincipal SignedInUser user) {
        return invitations.invitations(user).stream().map(Grant::of).toList();
    }

    /** Sends the invitee the code that accepts the invitation. */
    @PostMapping("/api/v1/invitations/{id}/code")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CodeSent acceptanceCode(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Locale locale) {
        invitations.sendAcceptanceCode(user, TypedId.parse(id, "id"), locale);
        return new CodeSent(true);
    }

    /** Accepts an invitation {@code {code, acceptTerms: true}}: the grant is in force. */
    @PostMapping("/api/v1/invitations/{id}/accept")
    @PreAuthorize("isAuthenticated()")
    Grant accept(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody AcceptBody body,
            Locale locale) {
        return Grant.of(invitations.accept(
                user, TypedId.parse(id, "id"), body.code(), Boolean.TRUE.equals(body.acceptTerms()), locale));
    }

    /**
     * Who opened the record, newest first, 20 a page: for the patient or their parent (SPEC G3).
     * Optional filters {@code from} and {@code to} (days, both included), {@code kind} ({@code
     * CLINIC}, {@code REPRESENTATIVE}, {@code SELF}, {@code EMERGENCY}) and {@code before} (the
     * {@code seq} of the last line of the previous page: the lines older than it), as the patient's
     * page filters it.
     */
    @GetMapping("/api/v1/patients/{patientId}/access-log")
    @PreAuthorize("isAuthenticated()")
    List<AccessLogLine> accessLog(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String patientId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String before) {
        var query = AccessLogQuery.parse(from, to, kind, before);
        return log.page(user, PatientId.of(patientId), query).lines().stream()
                .map(AccessLogLine::of)
                .toList();
    }

    /** A doctor opens a record in an emergency {@code {reason}}: 201, flagged in the audit trail. */
    @PostMapping("/api/v1/patients/{patientId}/emergency-access")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    Emergency emergency(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String patientId, @RequestBody ReasonBody body) {
        return Emergency.of(access.openInEmergency(user, PatientId.of(patientId), body.reason()));
    }

    /** The signed-in parent's children, with the day the parent's access ends. */
    @GetMapping("/api/v1/children")
    @PreAuthorize("isAuthenticated()")
    List<Child> children(@AuthenticationPrincipal SignedInUser user) {
        return guardianship.children(user).stream().map(Child::of).toList();
    }

    /** A parent registers their child with the birth certificate: 201 {@code {patientId}}. */
    @PostMapping("/api/v1/children")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    Linked registerChild(@AuthenticationPrincipal SignedInUser user, @RequestBody ChildForm body) {
        return new Linked(guardianship.registerChild(user, body).value());
    }

    /** Clinic staff link a parent and a child (existing by phone or SNILS, or new): 201 {@code {patientId}}. */
    @PostMapping("/api/v1/guardianships")
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN', 'PLATFORM_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Linked link(@AuthenticationPrincipal SignedInUser user, @RequestBody LinkBody body) {
        return new Linked(guardianship
                .linkByStaff(
                        user,
                        body.parentPhone(),
                        body.childQuery(),
                        new ChildForm(
                                body.lastName(), body.firstName(), body.patronymic(), body.birthDate(), null, null))
                .value());
    }

    /** Clinic staff give a child of 15 or older their own phone to sign in with. */
    @PostMapping("/api/v1/patients/{patientId}/own-phone")
    @ApiResponse(responseCode = "204", description = "The child signs in with the phone from now on")
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN', 'PLATFORM_ADMIN')")
    ResponseEntity<Map<String, Object>> ownPhone(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String patientId, @RequestBody PhoneBody body) {
        guardianship.givePhone(user, PatientId.of(patientId), body.phone());
        return ResponseEntity.noContent().build();
    }
}
