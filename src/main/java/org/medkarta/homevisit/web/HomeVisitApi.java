package org.medkarta.homevisit.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.homevisit.AssignmentForm;
import org.medkarta.homevisit.HomeVisitForm;
import org.medkarta.homevisit.HomeVisitQueue;
import org.medkarta.homevisit.HomeVisitRounds;
import org.medkarta.homevisit.HomeVisitSettings;
import org.medkarta.homevisit.HomeVisitState;
import org.medkarta.homevisit.HomeVisitView;
import org.medkarta.homevisit.HomeVisits;
import org.medkarta.homevisit.VisitReport;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Home visit requests over the API (issue 23): the patient's side asks, lists and cancels; the
 * clinic's registry works the queue and assigns; the assigned doctor lists the day's visits and
 * marks them visited (with the protocol) or not at home. Everything is decided by the module's
 * facades; a visit the caller may not see answers 404.
 */
@RestController
@Tag(name = "Home visits")
@PreAuthorize("isAuthenticated()")
class HomeVisitApi {

    private final HomeVisits visits;
    private final HomeVisitQueue queue;
    private final HomeVisitRounds rounds;
    private final HomeVisitSettings settings;

    HomeVisitApi(HomeVisits visits, HomeVisitQueue queue, HomeVisitRounds rounds, HomeVisitSettings settings) {
        this.visits = visits;
        this.queue = queue;
        this.rounds = rounds;
        this.settings = settings;
    }

    record SettingsBody(String sameDayUntil) {}

    /** @param sameDayUntil {@code HH:mm}, or null when same-day requests are taken all day */
    record Settings(String sameDayUntil) {
        static Settings of(HomeVisitSettings.Settings s) {
            return new Settings(
                    s.sameDayUntil() == null ? null : s.sameDayUntil().toString());
        }
    }

    @GetMapping("/api/v1/clinics/{id}/home-visit-settings")
    Settings settings(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Settings.of(settings.settings(user, new ClinicId(TypedId.parse(id, "id"))));
    }

    @PutMapping("/api/v1/clinics/{id}/home-visit-settings")
    Settings changeSettings(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody SettingsBody body) {
        return Settings.of(settings.change(user, new ClinicId(TypedId.parse(id, "id")), body.sameDayUntil()));
    }

    record AskBody(
            String patientId,
            String clinicId,
            String address,
            String reason,
            Object temperature,
            String phone,
            String day) {}

    record AssignBody(String doctorId, String from, String to) {}

    record ReportBody(String complaints, String examination, String diagnosis, String recommendations) {}

    record Protocol(
            String complaints,
            String examination,
            String diagnosisCode,
            String diagnosisName,
            String recommendations,
            UUID recordEntryId) {}

    /** A request as the API shows it; times are ISO-8601 with the clinic's offset. */
    record Visit(
            UUID id,
            UUID patientId,
            String patientName,
            UUID clinicId,
            String clinicName,
            String state,
            String address,
            String reason,
            BigDecimal temperature,
            String phone,
            LocalDate day,
            OffsetDateTime askedAt,
            UUID doctorId,
            String doctorName,
            OffsetDateTime from,
            OffsetDateTime to,
            Protocol protocol) {

        static Visit of(HomeVisitView v) {
            return new Visit(
                    v.id(),
                    v.patientId().value(),
                    v.patientName(),
                    v.clinicId().value(),
                    v.clinicName(),
                    v.state().name(),
                    v.address(),
                    v.reason(),
                    v.temperature(),
                    v.phone(),
                    v.day(),
                    at(v.askedAt(), v),
                    v.doctorId() == null ? null : v.doctorId().value(),
                    v.doctorName(),
                    at(v.windowFrom(), v),
                    at(v.windowTo(), v),
                    v.state() == HomeVisitState.VISITED
                            ? new Protocol(
                                    v.complaints(),
                                    v.examination(),
                                    v.diagnosisCode(),
                                    v.diagnosisName(),
                                    v.recommendations(),
                                    v.recordEntryId())
                            : null);
        }

        private static OffsetDateTime at(Instant instant, HomeVisitView v) {
            return instant == null ? null : instant.atZone(v.zone()).toOffsetDateTime();
        }
    }

    @PostMapping("/api/v1/home-visits")
    @ResponseStatus(HttpStatus.CREATED)
    Visit ask(@AuthenticationPrincipal SignedInUser user, @RequestBody AskBody body) {
        String temperature =
                body.temperature() == null ? null : body.temperature().toString();
        return Visit.of(visits.ask(
                user,
                new HomeVisitForm(
                        body.patientId(),
                        body.clinicId(),
                        body.address(),
                        body.reason(),
                        temperature,
                        body.phone(),
                        body.day())));
    }

    @GetMapping("/api/v1/home-visits")
    List<Visit> mine(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String patientId) {
        PatientId patient = patientId == null || patientId.isBlank()
                ? user.patientId()
                : new PatientId(TypedId.parse(patientId, "patientId"));
        if (patient == null) {
            throw new InvalidInput("patientId", "validation.required");
        }
        return visits.of(user, patient).stream().map(Visit::of).toList();
    }

    @GetMapping("/api/v1/home-visits/assigned")
    List<Visit> assigned(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String day) {
        LocalDate wanted = null;
        if (day != null && !day.isBlank()) {
            try {
                wanted = LocalDate.parse(day.strip());
            } catch (DateTimeParseException malformed) {
                throw new InvalidInput("day", "homevisit.validation.date");
            }
        }
        return rounds.assigned(user, wanted).stream().map(Visit::of).toList();
    }

    @GetMapping("/api/v1/home-visits/{id}")
    Visit visit(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Visit.of(visits.visit(user, TypedId.parse(id, "id")));
    }

    @PostMapping("/api/v1/home-visits/{id}/cancel")
    Visit cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Visit.of(visits.cancel(user, TypedId.parse(id, "id")));
    }

    @GetMapping("/api/v1/clinics/{id}/home-visits")
    List<Visit> queue(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String state) {
        return queue.queue(user, new ClinicId(TypedId.parse(id, "id")), state(state)).stream()
                .map(Visit::of)
                .toList();
    }

    @PostMapping("/api/v1/home-visits/{id}/assign")
    Visit assign(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody AssignBody body) {
        return Visit.of(queue.assign(
                user, TypedId.parse(id, "id"), new AssignmentForm(body.doctorId(), body.from(), body.to())));
    }

    @PostMapping("/api/v1/home-visits/{id}/window")
    Visit window(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody AssignBody body) {
        return Visit.of(queue.reassign(
                user, TypedId.parse(id, "id"), new AssignmentForm(body.doctorId(), body.from(), body.to())));
    }

    @PostMapping("/api/v1/home-visits/{id}/visited")
    Visit visited(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody ReportBody body) {
        return Visit.of(rounds.visited(
                user,
                TypedId.parse(id, "id"),
                new VisitReport(body.complaints(), body.examination(), body.diagnosis(), body.recommendations())));
    }

    @PostMapping("/api/v1/home-visits/{id}/not-at-home")
    Visit notAtHome(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Visit.of(rounds.notAtHome(user, TypedId.parse(id, "id")));
    }

    static HomeVisitState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return HomeVisitState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("state", "homevisit.validation.state");
        }
    }
}
