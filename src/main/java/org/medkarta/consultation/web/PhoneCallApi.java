package org.medkarta.consultation.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.medkarta.consultation.ConsultationPhoneCalls;
import org.medkarta.conversation.PhoneCallView;
import org.medkarta.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** «Позвонить пациенту» over the open API (SPEC D6): the consulting doctor alone; anyone else 404. */
@RestController
@Tag(name = "Consultations")
@PreAuthorize("isAuthenticated()")
class PhoneCallApi {

    /** {@code {id, status, requestedAt}}: the call as placed; no phone number. */
    record PlacedCall(UUID id, String status, Instant requestedAt) {
        static PlacedCall of(PhoneCallView call) {
            return new PlacedCall(call.id(), call.status().name(), call.requestedAt());
        }
    }

    private final ConsultationPhoneCalls phoneCalls;

    PhoneCallApi(ConsultationPhoneCalls phoneCalls) {
        this.phoneCalls = phoneCalls;
    }

    /**
     * The telephony gateway rings the doctor's phone for calls, then the patient's, and bridges
     * them: 202 with the call; its progress arrives from the gateway and shows in the calls.
     */
    @PostMapping("/api/v1/consultations/{id}/phone-call")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PlacedCall call(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return PlacedCall.of(phoneCalls.call(user, DeskPages.uuid(id)));
    }
}
