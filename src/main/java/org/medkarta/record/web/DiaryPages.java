package org.medkarta.record.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.Diary;
import org.medkarta.record.DiaryForm;
import org.medkarta.record.Measure;
import org.medkarta.record.Reading;
import org.medkarta.record.RecordReading;
import org.medkarta.record.ThresholdForm;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.web.PageErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-monitoring diary pages (SPEC E8): readings with a chart and a form whose implausible
 * values are refused beside their fields; the monitoring doctor's thresholds; the doctor's alerts
 * desk.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class DiaryPages {

    private final RecordAccess access;
    private final RecordReading reading;
    private final Diary diary;
    private final PageErrors errors;
    private final MessageSource messages;
    private final JsonMapper json;

    DiaryPages(
            RecordAccess access,
            RecordReading reading,
            Diary diary,
            PageErrors errors,
            MessageSource messages,
            JsonMapper json) {
        this.access = access;
        this.reading = reading;
        this.diary = diary;
        this.errors = errors;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/record/{id}/diary")
    String diary(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String measure,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        Measure chosen;
        try {
            chosen = Params.measure(measure);
        } catch (InvalidInput invalid) {
            chosen = null;
        }
        return page(model, user, decision, chosen == null ? Measure.BLOOD_PRESSURE : chosen, Map.of(), locale);
    }

    @PostMapping("/record/{id}/diary")
    String add(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        var form = new DiaryForm(
                params.get("measure"),
                params.get("systolic"),
                params.get("diastolic"),
                params.get("value"),
                params.get("name"),
                params.get("unit"),
                params.get("measuredAt"),
                params.get("note"));
        Measure measure;
        try {
            measure = Params.measure(params.get("measure"));
        } catch (InvalidInput invalid) {
            measure = null;
        }
        try {
            diary.add(decision, user, form);
            return "redirect:/record/" + id + "/diary?saved&measure=" + (measure == null ? "" : measure.name());
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("form", params);
            return page(model, user, decision, measure == null ? Measure.BLOOD_PRESSURE : measure, params, locale);
        }
    }

    @PostMapping("/record/{id}/diary/thresholds")
    String threshold(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        Measure measure;
        try {
            measure = Params.measure(params.get("measure"));
        } catch (InvalidInput invalid) {
            measure = null;
        }
        try {
            diary.setThreshold(
                    decision,
                    user,
                    new ThresholdForm(
                            params.get("measure"),
                            params.get("name"),
                            params.get("low"),
                            params.get("high"),
                            params.get("low2"),
                            params.get("high2")));
            return "redirect:/record/" + id + "/diary?saved&measure=" + (measure == null ? "" : measure.name());
        } catch (DomainException refused) {
            var byField = new LinkedHashMap<String, String>();
            errors.of(refused, locale).forEach((field, message) -> byField.put("t_" + field, message));
            model.addAttribute("errors", byField);
            model.addAttribute("thresholdForm", params);
            return page(model, user, decision, measure == null ? Measure.BLOOD_PRESSURE : measure, Map.of(), locale);
        }
    }

    /** The signed-in doctor's alerts desk. */
    @GetMapping("/record/alerts")
    String alerts(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "true") boolean open,
            Model model) {
        model.addAttribute("alerts", diary.alerts(user, open));
        model.addAttribute("open", open);
        return "record/alerts";
    }

    @PostMapping("/record/alerts/{alertId}/acknowledge")
    String acknowledge(@AuthenticationPrincipal SignedInUser user, @PathVariable String alertId) {
        diary.acknowledge(user, Params.id(alertId, "alertId"));
        return "redirect:/record/alerts";
    }

    private String page(
            Model model,
            SignedInUser user,
            AccessDecision decision,
            Measure measure,
            Map<String, String> form,
            Locale locale) {
        List<Reading> readings = diary.readings(decision, measure, null, null, null);
        model.addAttribute("patientId", decision.patient().value());
        model.addAttribute("records", access.records(user));
        boolean clinician = user.has(Role.DOCTOR)
                && (decision.relation().name().equals("CLINICIAN")
                        || decision.relation().name().equals("EMERGENCY"));
        model.addAttribute("clinician", clinician);
        model.addAttribute("header", reading.header(decision));
        model.addAttribute("measures", Measure.values());
        model.addAttribute("measure", measure);
        model.addAttribute("readings", readings);
        model.addAttribute("thresholds", diary.thresholds(decision));
        if (!form.containsKey("measure")) {
            model.addAttribute("form", Map.of("measure", measure.name()));
        }
        String label = messages.getMessage("record.measure." + measure.name(), null, locale);
        var chart = new LinkedHashMap<String, Object>();
        chart.put(
                "label",
                measure == Measure.BLOOD_PRESSURE ? messages.getMessage("record.page.systolic", null, locale) : label);
        chart.put("label2", messages.getMessage("record.page.diastolic", null, locale));
        chart.put(
                "readings",
                readings.stream()
                        .map(r -> Map.of(
                                "measuredAt", r.measuredAt().toString(),
                                "value", r.value(),
                                "value2", r.value2() == null ? "" : r.value2()))
                        .toList());
        model.addAttribute("chartJson", readings.isEmpty() ? null : RecordPages.scriptJson(json, chart));
        return "record/diary";
    }
}
