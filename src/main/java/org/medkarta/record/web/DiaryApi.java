package org.medkarta.record.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.Diary;
import org.medkarta.record.DiaryForm;
import org.medkarta.record.ThresholdForm;
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

/** Self-monitoring diaries (SPEC E8): readings, a doctor's thresholds and the doctor's alerts. */
@RestController
@Tag(name = "Diary")
@PreAuthorize("isAuthenticated()")
class DiaryApi {

    private final RecordAccess access;
    private final Diary diary;

    DiaryApi(RecordAccess access, Diary diary) {
        this.access = access;
        this.diary = diary;
    }

    /** Readings, newest first: {@code measure}, custom {@code name}, {@code from}, {@code to} optional. */
    @GetMapping("/api/v1/patients/{id}/diary")
    List<Json.DiaryReading> readings(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return diary
                .readings(decision, Params.measure(measure), name, Params.instant(from, "from"), Params.until(to, "to"))
                .stream()
                .map(Json.DiaryReading::of)
                .toList();
    }

    /**
     * Adds a reading: {@code {measure, systolic, diastolic}} for blood pressure, {@code {measure,
     * value}} otherwise, {@code name} and {@code unit} for a custom measure, {@code measuredAt} and
     * {@code note} optional → 201; 422 {@code invalid-input} naming each implausible field.
     */
    @PostMapping("/api/v1/patients/{id}/diary")
    @ResponseStatus(HttpStatus.CREATED)
    Json.DiaryReading add(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.DiaryBody body) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        return Json.DiaryReading.of(diary.add(
                decision,
                user,
                new DiaryForm(
                        body.measure(),
                        body.systolic(),
                        body.diastolic(),
                        body.value(),
                        body.name(),
                        body.unit(),
                        body.measuredAt(),
                        body.note())));
    }

    @GetMapping("/api/v1/patients/{id}/diary/thresholds")
    List<Json.ThresholdView> thresholds(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return diary.thresholds(decision).stream().map(Json.ThresholdView::of).toList();
    }

    /** The monitoring doctor sets thresholds for one measure: {@code {measure, name?, low, high, low2, high2}}. */
    @PostMapping("/api/v1/patients/{id}/diary/thresholds")
    Json.ThresholdView setThreshold(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.ThresholdBody body) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        return Json.ThresholdView.of(diary.setThreshold(
                decision,
                user,
                new ThresholdForm(body.measure(), body.name(), body.low(), body.high(), body.low2(), body.high2())));
    }

    /** The signed-in doctor's alerts desk: readings beyond their thresholds ({@code open=false} for all). */
    @GetMapping("/api/v1/diary-alerts")
    List<Json.Alert> alerts(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "true") boolean open) {
        return diary.alerts(user, open).stream().map(Json.Alert::of).toList();
    }

    @PostMapping("/api/v1/diary-alerts/{alertId}/acknowledge")
    void acknowledge(@AuthenticationPrincipal SignedInUser user, @PathVariable String alertId) {
        diary.acknowledge(user, Params.id(alertId, "alertId"));
    }
}
