package org.medkarta.scheduling.web;

import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.NoShows;
import org.medkarta.shared.TypedId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** «Пациент не пришёл» (SPEC J3): the doctor or their clinic's administrator marks a no-show. */
@RestController
@PreAuthorize("isAuthenticated()")
class NoShowApi {

    private final NoShows noShows;

    NoShowApi(NoShows noShows) {
        this.noShows = noShows;
    }

    /** Marks that the patient did not come: the appointment with its {@code noShowAt}. */
    @PostMapping("/api/v1/appointments/{id}/no-show")
    Json.Appointment mark(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.Appointment.of(noShows.mark(user, TypedId.parse(id, "id")));
    }
}
