package org.medkarta.conversation.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.medkarta.conversation.MalformedWebhook;
import org.medkarta.conversation.PhoneCalls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The telephony gateway's events about calls to patients' phones (SPEC D6). No sign-in: the
 * gateway proves itself with an HMAC-SHA256 signature of the raw body under the shared secret; a
 * signature that does not hold answers 401, a body that is no event 400, a call not ours 404.
 */
@RestController
@Tag(name = "Telephony")
class TelephonyWebhooks {

    /** {@code {callId, status}}: how the call stands after the event. */
    record Received(UUID callId, String status) {}

    private final PhoneCalls phoneCalls;

    TelephonyWebhooks(PhoneCalls phoneCalls) {
        this.phoneCalls = phoneCalls;
    }

    /** An event of a call to the patient's phone, signed by the gateway. */
    @PostMapping("/api/v1/telephony/webhooks/{provider}")
    Received event(
            @PathVariable String provider,
            @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body) {
        try {
            var call = phoneCalls.receive(provider, body == null ? new byte[0] : body, headers::getFirst);
            return new Received(call.id(), call.status().name());
        } catch (MalformedWebhook malformed) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, malformed);
        }
    }
}
