package org.medkarta.record.web;

import java.util.List;
import java.util.Locale;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.access.RecordRef;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.EntryType;
import org.medkarta.record.ImportedSources;
import org.medkarta.record.RecordFilter;
import org.medkarta.record.RecordReading;
import org.medkarta.record.RecordUploads;
import org.medkarta.record.SignedProtocols;
import org.medkarta.record.UploadState;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record as its reader sees it (SPEC E2–E4): the patient view of order 003 Appendix 1 with
 * filters, «new» marks and the switch between records, one entry with its history, and laboratory
 * charts. The clinicians' forms, the patient's contacts and the identity section are their own
 * controllers ({@link EntryPages}, {@link ContactPages}, {@link IdentityPages}), under the same
 * {@code /record/{id}} addresses. Each request asks the access module's policy point once.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class RecordPages {

    private final RecordAccess access;
    private final RecordReading reading;
    private final RecordUploads uploads;
    private final ImportedSources imports;
    private final SignedProtocols signed;
    private final PageErrors errors;
    private final JsonMapper json;

    RecordPages(
            RecordAccess access,
            RecordReading reading,
            RecordUploads uploads,
            ImportedSources imports,
            SignedProtocols signed,
            PageErrors errors,
            JsonMapper json) {
        this.access = access;
        this.reading = reading;
        this.uploads = uploads;
        this.imports = imports;
        this.signed = signed;
        this.errors = errors;
        this.json = json;
    }

    /** JSON for a script element: «</» never closes it early. */
    static String scriptJson(JsonMapper json, Object value) {
        return json.writeValueAsString(value).replace("</", "<\\/");
    }

    /** The first record the person may open: their own, else a child's or a delegated one. */
    @GetMapping("/record")
    String mine(@AuthenticationPrincipal SignedInUser user) {
        List<RecordRef> records = access.records(user);
        return records.isEmpty()
                ? "record/none"
                : "redirect:/record/" + records.get(0).patientId().value();
    }

    @GetMapping("/record/{id}")
    String record(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String after,
            Model model,
            Locale locale) {
        PatientId patient = Params.patient(id);
        var decision = access.require(user, patient, RecordAction.VIEW);
        RecordFilter filter;
        try {
            filter = Params.filter(type, from, to, after, null);
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", errors.of(invalid, locale));
            filter = RecordFilter.all();
        }
        var view = reading.record(decision, filter);
        RecordPageFrame.add(model, access, user, decision);
        model.addAttribute("view", view);
        model.addAttribute("types", view.patientAccount() ? EntryType.shownToPatients() : List.of(EntryType.values()));
        model.addAttribute("type", type);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        // What came from other systems with no kind of entry here, kept as it came (SPEC I3).
        model.addAttribute("keptSources", imports.keptCounts(decision));
        // A clinician reading the record sees what waits for their verification (SPEC E5).
        model.addAttribute(
                "pendingUploads",
                view.patientAccount()
                        ? 0L
                        : uploads.uploads(decision).stream()
                                .filter(upload -> upload.state() == UploadState.PENDING)
                                .count());
        return "record/record";
    }

    @GetMapping("/record/{id}/entries/{entryId}")
    String entry(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String entryId,
            Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        var entry = reading.entry(decision, Params.id(entryId, "entryId"));
        RecordPageFrame.add(model, access, user, decision);
        model.addAttribute("header", reading.header(decision));
        model.addAttribute("entry", entry);
        model.addAttribute("signed", signed.of(decision, entry.id()).orElse(null));
        model.addAttribute("mayDownload", decision.mayDownload());
        return "record/entry";
    }

    @GetMapping("/record/{id}/labs")
    String labs(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String code,
            Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        var tests = reading.labTests(decision);
        RecordPageFrame.add(model, access, user, decision);
        model.addAttribute("header", reading.header(decision));
        model.addAttribute("tests", tests);
        String chosen = code != null && !code.isBlank()
                ? code
                : tests.isEmpty() ? null : tests.get(0).code();
        model.addAttribute("code", chosen);
        var series = chosen == null ? null : reading.labSeries(decision, chosen);
        model.addAttribute("series", series);
        model.addAttribute("chartJson", series == null ? null : scriptJson(json, series));
        return "record/labs";
    }
}
