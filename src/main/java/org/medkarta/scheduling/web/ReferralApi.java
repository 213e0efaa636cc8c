package org.medkarta.scheduling.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.IssuedReferral;
import org.medkarta.scheduling.NewReferral;
import org.medkarta.scheduling.PaperReferralForm;
import org.medkarta.scheduling.ReferralDesk;
import org.medkarta.scheduling.ReferralPage;
import org.medkarta.scheduling.ReferralState;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
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
 * The doctor's referrals section over the API (issue 23, seed 004 «Направления»): the referrals the
 * caller issued, issuing one outside a consultation, cancelling it, and the registry's entry of a
 * paper referral from another clinic. Everything is decided by {@link ReferralDesk}.
 */
@RestController
@Tag(name = "Referrals")
class ReferralApi {

    private final ReferralDesk desk;

    ReferralApi(ReferralDesk desk) {
        this.desk = desk;
    }

    /** The referrals the caller issued (a doctor) or entered from paper (a registrar), newest first. */
    @GetMapping("/api/v1/referrals/issued")
    @PreAuthorize("isAuthenticated()")
    Page issued(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ReferralDesk.PAGE_SIZE) int size) {
        return Page.of(desk.issued(user, Params.choice(ReferralState.class, state, "state"), page, size));
    }

    /** Issues a referral outside a consultation to a patient in the caller's care. */
    @PostMapping("/api/v1/referrals/issued")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    Referral issue(@AuthenticationPrincipal SignedInUser user, @RequestBody IssueBody body) {
        return Referral.of(desk.issue(
                user,
                new NewReferral(
                        body.patientId(),
                        body.specialty(),
                        body.doctorId(),
                        body.validUntil(),
                        Boolean.TRUE.equals(body.openEnded()),
                        body.reason())));
    }

    /** Cancels a referral the caller issued while no booking used it. */
    @PostMapping("/api/v1/referrals/{id}/cancel")
    @PreAuthorize("isAuthenticated()")
    Referral cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Referral.of(desk.cancel(user, TypedId.parse(id, "id")));
    }

    /** A registrar enters a paper referral from another clinic for a patient of their clinic. */
    @PostMapping("/api/v1/referrals/paper")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    Referral paper(@AuthenticationPrincipal SignedInUser user, @RequestBody PaperBody body) {
        return Referral.of(desk.enterPaper(
                user,
                new PaperReferralForm(
                        body.patientId(),
                        body.organisation(),
                        body.number(),
                        body.issuedOn(),
                        body.doctorName(),
                        body.specialty(),
                        body.validUntil(),
                        Boolean.TRUE.equals(body.openEnded()))));
    }

    /**
     * A referral to issue: {@code validUntil} is the last day it may be used ({@code yyyy-MM-dd}),
     * or {@code openEnded: true}; {@code doctorId} names one doctor of the specialty, or is absent.
     */
    record IssueBody(
            String patientId, String specialty, String doctorId, String validUntil, Boolean openEnded, String reason) {}

    /** A paper referral as written: {@code issuedOn} and {@code validUntil} are {@code yyyy-MM-dd}. */
    record PaperBody(
            String patientId,
            String organisation,
            String number,
            String issuedOn,
            String doctorName,
            String specialty,
            String validUntil,
            Boolean openEnded) {}

    /** Where a paper referral came from. */
    record Paper(String organisation, String number, LocalDate issuedOn, String doctorName) {}

    /**
     * A referral as its issuer lists it; {@code validUntil} is null when it has no end, {@code
     * state} one of ISSUED, USED, EXPIRED, CANCELLED.
     */
    record Referral(
            UUID id,
            UUID patientId,
            String patientName,
            String specialty,
            UUID doctorId,
            String doctorName,
            Instant issuedAt,
            LocalDate validUntil,
            String state,
            Instant usedAt,
            UUID appointmentId,
            Instant cancelledAt,
            String reason,
            Paper paper) {
        static Referral of(IssuedReferral view) {
            return new Referral(
                    view.id(),
                    view.patientId().value(),
                    view.patientName(),
                    view.specialty(),
                    view.doctorId() == null ? null : view.doctorId().value(),
                    view.doctorName(),
                    view.issuedAt(),
                    view.validUntil(),
                    view.state().name(),
                    view.usedAt(),
                    view.appointmentId(),
                    view.cancelledAt(),
                    view.reason(),
                    view.paper() == null
                            ? null
                            : new Paper(
                                    view.paper().organisation(),
                                    view.paper().number(),
                                    view.paper().issuedOn(),
                                    view.paper().doctorName()));
        }
    }

    /** One page of referrals, newest first; {@code hasNext} tells whether page {@code page + 1} holds more. */
    record Page(List<Referral> items, int page, int size, boolean hasNext) {
        static Page of(ReferralPage page) {
            return new Page(page.items().stream().map(Referral::of).toList(), page.page(), page.size(), page.hasNext());
        }
    }
}
