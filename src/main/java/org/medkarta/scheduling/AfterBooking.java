package org.medkarta.scheduling;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;

/**
 * What the person who just booked does next, offered by a module that follows scheduling (the
 * payment module: a paid service is paid for before the visit, issue 20). The booking page and the
 * booking API ask every such module once the booking has committed and lead the person on; scheduling
 * knows nothing more of the step than this record.
 */
public interface AfterBooking {

    /**
     * The next step after {@code booked}, if this module has one for {@code actor}. Never throws for
     * a step it cannot take now (a provider down): it answers the step with no {@code url}.
     */
    Optional<NextStep> next(SignedInUser actor, AppointmentView booked);

    /**
     * @param kind what the step is, {@code payment}
     * @param id the step's own id (the payment's)
     * @param state its state, {@code AWAITING_PAYMENT}
     * @param page the app's page of the step, {@code /payments/{id}}
     * @param url where to go at once (the provider's payment page), or null when only the page can
     * @param until when the step lapses (the slot's hold), or null
     */
    record NextStep(String kind, UUID id, String state, String page, String url, Instant until) {}
}
