package org.medkarta.consultation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.medkarta.identity.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk (SPEC D2; seed 004): a doctor's requests by state ("New" with "Overdue" apart, "In work",
 * "Closed"), a patient's own and those of the patients they act for, with counts per state under
 * the same filters.
 */
@Service
public class ConsultationDesk {

    /** How many requests one desk tab lists. */
    static final int DESK_LIMIT = 200;

    private final Requests requests;
    private final ConsultationAccess access;
    private final Clock clock;

    ConsultationDesk(Requests requests, ConsultationAccess access, Clock clock) {
        this.requests = requests;
        this.access = access;
        this.clock = clock;
    }

    /** The person's requests in one desk state: a doctor's desk, a patient's own, or both for a doctor-patient. */
    @Transactional(readOnly = true)
    public List<ConsultationView> desk(SignedInUser user, ConsultationState state, DeskFilter filter) {
        Instant now = clock.instant();
        return requests
                .desk(user, access.represented(user), state, filter == null ? DeskFilter.NONE : filter, now, DESK_LIMIT)
                .stream()
                .map(c -> c.view(now))
                .toList();
    }

    /** How many requests the person has in each desk state, under the same filters. */
    @Transactional(readOnly = true)
    public Map<ConsultationState, Integer> counts(SignedInUser user, DeskFilter filter) {
        return requests.counts(
                user, access.represented(user), filter == null ? DeskFilter.NONE : filter, clock.instant());
    }
}
