package org.medkarta.record.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.ClinicalEntries;
import org.medkarta.record.DuplicateEntry;
import org.medkarta.record.EntryForm;
import org.medkarta.record.EntryType;
import org.medkarta.shared.DomainException;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Clinicians' entry forms (SPEC E6, E7): a new entry with the duplicate check and its confirmation,
 * a correction with its reason, «entered in error»; under {@code /record/{id}/entries}.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class EntryPages {

    private final RecordAccess access;
    private final ClinicalEntries clinical;
    private final PageErrors errors;

    EntryPages(RecordAccess access, ClinicalEntries clinical, PageErrors errors) {
        this.access = access;
        this.clinical = clinical;
        this.errors = errors;
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
        RecordPageFrame.add(model, access, user, decision);
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
}
