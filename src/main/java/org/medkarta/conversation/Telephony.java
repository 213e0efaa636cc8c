package org.medkarta.conversation;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Function;
import org.medkarta.shared.Phone;

/**
 * The port to a telephony gateway that places click-to-call calls (SPEC D6; seed 004: «пациенту
 * поступит звонок на мобильный телефон … пациент не видит при этом вашего номера телефона»): it
 * rings the doctor's phone first, then the patient's, and bridges them, so that each sees only the
 * gateway's number. Implementations: none (not set up) and a click-to-call API over HTTP with
 * signed webhooks.
 */
interface Telephony {

    /** Whether calls can be placed at all. */
    boolean available();

    /**
     * Asks the gateway to place the call; its progress comes back later as events naming {@code
     * callId}.
     *
     * @throws IOException when the gateway cannot be reached or refuses the request; the message
     *     names no phone number
     */
    void dial(UUID callId, Phone doctor, Phone patient) throws IOException, InterruptedException;

    /**
     * An event the gateway sent over HTTP, verified and read.
     *
     * @param provider the gateway's name in the webhook's path
     * @param header the request's header by name
     * @return the event; of kind {@code OTHER} when the platform does not follow it
     * @throws org.medkarta.shared.NotFound when no such gateway is set up
     * @throws TelephonyRefusal {@code webhook-signature-invalid} when the signature does not hold
     * @throws MalformedWebhook when the body cannot be read as an event
     */
    PhoneCallEvent event(String provider, byte[] body, Function<String, String> header);
}
