package org.medkarta.record.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.access.RecordRef;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.ClinicalEntries;
import org.medkarta.record.DuplicateEntry;
import org.medkarta.record.EntryForm;
import org.medkarta.record.EntryType;
import org.medkarta.record.IdentityDocumentForm;
import org.medkarta.record.IdentityForm;
import org.medkarta.record.LivingRegion;
import org.medkarta.record.PatientContacts;
import org.medkarta.record.PatientIdentifiers;
import org.medkarta.record.RecordFilter;
import org.medkarta.record.RecordImport;
import org.medkarta.record.RecordReading;
import org.medkarta.record.RecordUploads;
import org.medkarta.record.SignedProtocols;
import org.medkarta.record.UploadState;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.web.PageErrors;
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
 * The record pages (SPEC E1-E4, E6, E7): the patient view of order 003 Appendix 1 with filters,
 * «new» marks and the switch between records; one entry with its history; clinicians' entry,
 * correction and identity forms; laboratory charts; the patient's contacts. Each request asks the
 * access module's policy point once.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class RecordPages {

    private final RecordAccess access;
    private final RecordReading reading;
    private final ClinicalEntries clinical;
    private final PatientContacts contactData;
    private final PatientIdentifiers patientIds;
    private final RecordUploads uploads;
    private final RecordImport imports;
    private final SignedProtocols signed;
    private final PageErrors errors;
    private final JsonMapper json;
    private final LivingRegion regions;

    RecordPages(
            RecordAccess access,
            RecordReading reading,
            ClinicalEntries clinical,
            PatientContacts contactData,
            PatientIdentifiers patientIds,
            RecordUploads uploads,
            RecordImport imports,
            SignedProtocols signed,
            LivingRegion regions,
            PageErrors errors,
            JsonMapper json) {
        this.regions = regions;
        this.imports = imports;
        this.signed = signed;
        this.access = access;
        this.reading = reading;
        this.clinical = clinical;
        this.contactData = contactData;
        this.patientIds = patientIds;
        this.uploads = uploads;
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
        common(model, user, decision);
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
        common(model, user, decision);
        model.addAttribute("header", reading.header(decision));
        model.addAttribute("entry", entry);
        model.addAttribute("signed", signed.of(decision, entry.id()).orElse(null));
        model.addAttribute("mayDownload", decision.mayDownload());
        return "record/entry";
    }

    @GetMapping("/record/{id}/entries/new")
    String newEntry(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String type,
            Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        var header = clinical.clinicianHeader(decision, user);
        EntryType entryType = Params.type(type) == null ? EntryType.EXAM_PROTOCOL : Params.type(type);
        return entryForm(model, user, decision, header, entryType, null, Map.of(), null, null, false);
    }

    @PostMapping("/record/{id}/entries")
    String add(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        var header = clinical.clinicianHeader(decision, user);
        EntryType type = Params.requiredType(params.get("type"));
        var fields = fieldsOf(type, params);
        boolean confirm = "true".equals(params.get("confirmDuplicate"));
        try {
            UUID entry = clinical.add(decision, user, new EntryForm(type, fields, params.get("reason"), confirm));
            return "redirect:/record/" + id + "/entries/" + entry + "?saved";
        } catch (DuplicateEntry duplicate) {
            model.addAttribute("duplicate", duplicate.properties().get("existingEntryId"));
            model.addAttribute("errors", Map.of(PageErrors.FORM, errors.message(duplicate, locale)));
            return entryForm(model, user, decision, header, type, null, fields, params.get("reason"), null, true);
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            return entryForm(model, user, decision, header, type, null, fields, params.get("reason"), null, false);
        }
    }

    @GetMapping("/record/{id}/entries/{entryId}/correct")
    String correction(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String entryId,
            Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        var entry = clinical.entryToCorrect(decision, user, Params.id(entryId, "entryId"));
        var header = clinical.clinicianHeader(decision, user);
        return entryForm(model, user, decision, header, entry.type(), entry.id(), entry.fields(), null, entry, false);
    }

    @PostMapping("/record/{id}/entries/{entryId}/correct")
    String correct(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String entryId,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        UUID entryUuid = Params.id(entryId, "entryId");
        var entry = clinical.entryToCorrect(decision, user, entryUuid);
        var header = clinical.clinicianHeader(decision, user);
        var fields = fieldsOf(entry.type(), params);
        boolean confirm = "true".equals(params.get("confirmDuplicate"));
        try {
            clinical.correct(decision, user, entryUuid, new EntryForm(null, fields, params.get("reason"), confirm));
            return "redirect:/record/" + id + "/entries/" + entryId + "?saved";
        } catch (DuplicateEntry duplicate) {
            model.addAttribute("duplicate", duplicate.properties().get("existingEntryId"));
            model.addAttribute("errors", Map.of(PageErrors.FORM, errors.message(duplicate, locale)));
            return entryForm(
                    model, user, decision, header, entry.type(), entryUuid, fields, params.get("reason"), entry, true);
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            return entryForm(
                    model, user, decision, header, entry.type(), entryUuid, fields, params.get("reason"), entry, false);
        }
    }

    @PostMapping("/record/{id}/entries/{entryId}/entered-in-error")
    String enteredInError(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String entryId,
            @RequestParam(required = false) String reason,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        UUID entryUuid = Params.id(entryId, "entryId");
        try {
            clinical.enteredInError(decision, user, entryUuid, reason);
            return "redirect:/record/" + id + "/entries/" + entryId + "?saved";
        } catch (DomainException refused) {
            var entry = clinical.entryToCorrect(decision, user, entryUuid);
            var header = clinical.clinicianHeader(decision, user);
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("errorReason", true);
            return entryForm(
                    model, user, decision, header, entry.type(), entryUuid, entry.fields(), reason, entry, false);
        }
    }

    @GetMapping("/record/{id}/labs")
    String labs(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String code,
            Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        var tests = reading.labTests(decision);
        common(model, user, decision);
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

    @GetMapping("/record/{id}/contacts")
    String contacts(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return contactsPage(model, user, decision);
    }

    @PostMapping("/record/{id}/contacts")
    String addContact(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String value,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        try {
            contactData.addContact(decision, user, kind, value);
            return "redirect:/record/" + id + "/contacts?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("kind", kind);
            model.addAttribute("value", value);
            return contactsPage(model, user, decision);
        }
    }

    @PostMapping("/record/{id}/contacts/{contactId}/remove")
    String removeContact(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String contactId) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        contactData.removeContact(decision, user, Params.id(contactId, "contactId"));
        return "redirect:/record/" + id + "/contacts?saved";
    }

    @PostMapping("/record/{id}/addresses")
    String changeAddress(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String which,
            @RequestParam(required = false) String address,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        try {
            contactData.changeAddress(decision, user, which, address);
            return "redirect:/record/" + id + "/contacts?saved";
        } catch (DomainException refused) {
            var byField = new LinkedHashMap<String, String>();
            errors.of(refused, locale).forEach((field, message) -> byField.put(which + "-" + field, message));
            model.addAttribute("errors", byField);
            return contactsPage(model, user, decision);
        }
    }

    @PostMapping("/record/{id}/region")
    String changeRegion(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String region,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        try {
            regions.change(decision, user, region);
            return "redirect:/record/" + id + "/contacts?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            return contactsPage(model, user, decision);
        }
    }

    @PostMapping("/record/{id}/identity-document")
    String changeIdentityDocument(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        try {
            contactData.changeIdentityDocument(decision, user, documentForm(params));
            return "redirect:/record/" + id + "/contacts?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("form", params);
            return contactsPage(model, user, decision);
        }
    }

    private static IdentityDocumentForm documentForm(Map<String, String> params) {
        return new IdentityDocumentForm(
                params.get("documentType"),
                params.get("documentSeries"),
                params.get("documentNumber"),
                params.get("documentIssuedOn"),
                params.get("documentIssuer"));
    }

    @GetMapping("/record/{id}/identity")
    String identity(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        model.addAttribute("header", clinical.clinicianHeader(decision, user));
        model.addAttribute("identifiers", patientIds.identifiers(decision));
        model.addAttribute("changesIdentifiers", patientIds.changesIdentifiers(decision, user));
        common(model, user, decision);
        return "record/identity";
    }

    @PostMapping("/record/{id}/identity")
    String changeIdentity(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        try {
            patientIds.changeIdentity(
                    decision,
                    user,
                    new IdentityForm(
                            params.get("sex"),
                            params.get("snils"),
                            params.get("omsNumber"),
                            params.get("omsInsurer"),
                            params.get("omsValidTo"),
                            params.get("reason")));
            return "redirect:/record/" + id + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("form", params);
            model.addAttribute("header", clinical.clinicianHeader(decision, user));
            model.addAttribute("identifiers", patientIds.identifiers(decision));
            model.addAttribute("changesIdentifiers", patientIds.changesIdentifiers(decision, user));
            common(model, user, decision);
            return "record/identity";
        }
    }

    @GetMapping("/record/shared-identifiers")
    String shared(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("groups", patientIds.sharedIdentifiers(user));
        return "record/shared";
    }

    private String contactsPage(Model model, SignedInUser user, AccessDecision decision) {
        common(model, user, decision);
        model.addAttribute("header", reading.header(decision));
        model.addAttribute("contacts", contactData.contacts(decision));
        model.addAttribute("identifiers", patientIds.identifiers(decision));
        model.addAttribute("regions", regions.choices());
        model.addAttribute("region", regions.of(decision).orElse(null));
        return "record/contacts";
    }

    private String entryForm(
            Model model,
            SignedInUser user,
            AccessDecision decision,
            Object header,
            EntryType type,
            UUID entryId,
            Map<String, String> fields,
            String reason,
            Object entry,
            boolean duplicate) {
        common(model, user, decision);
        model.addAttribute("header", header);
        model.addAttribute("type", type);
        model.addAttribute("types", EntryType.values());
        model.addAttribute("entryId", entryId);
        model.addAttribute("entry", entry);
        model.addAttribute("values", fields);
        model.addAttribute("reason", reason);
        model.addAttribute("askConfirm", duplicate);
        return "record/entry-form";
    }

    private static Map<String, String> fieldsOf(EntryType type, Map<String, String> params) {
        var fields = new LinkedHashMap<String, String>();
        type.fields().forEach(spec -> {
            String value = params.get("f_" + spec.name());
            if (value != null) {
                fields.put(spec.name(), value);
            }
        });
        return fields;
    }

    private void common(Model model, SignedInUser user, AccessDecision decision) {
        RecordPageFrame.add(model, access, user, decision);
    }
}
