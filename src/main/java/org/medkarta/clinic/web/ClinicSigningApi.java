package org.medkarta.clinic.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medkarta.clinic.ProtocolSigningPolicies;
import org.medkarta.clinic.SigningPolicy;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's settings for signed protocols over the API (issue 16). Another clinic answers 404. */
@RestController
@RequestMapping("/api/v1/clinics/{id}/protocol-signing")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
@Tag(name = "Clinic set-up")
class ClinicSigningApi {

    /**
     * @param signatureRequired an unsigned protocol cannot be sent
     * @param coSigned the clinic's server key co-signs every signed protocol
     * @param clinicKeyPresent whether the clinic has a server key (co-signing needs one)
     */
    record Policy(boolean signatureRequired, boolean coSigned, Boolean clinicKeyPresent) {}

    private final ProtocolSigningPolicies policies;

    ClinicSigningApi(ProtocolSigningPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "The clinic's settings for signed protocols")
    Policy policy(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var clinic = ClinicId.of(id);
        var policy = policies.of(user, clinic);
        return new Policy(policy.signatureRequired(), policy.coSigned(), policies.clinicKeyPresent(clinic));
    }

    /** Changes the settings: 409 {@code clinic-key-missing} when co-signing has no clinic key. */
    @PutMapping
    @Operation(summary = "Change the clinic's settings for signed protocols")
    Policy change(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Policy body) {
        var clinic = ClinicId.of(id);
        var policy = policies.change(user, clinic, new SigningPolicy(body.signatureRequired(), body.coSigned()));
        return new Policy(policy.signatureRequired(), policy.coSigned(), policies.clinicKeyPresent(clinic));
    }
}
