package org.medkarta.scheduling.web;

import java.time.LocalDate;
import java.util.Locale;
import org.medkarta.identity.PatientRecordForm;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.PolicyForm;
import org.medkarta.identity.RegistryIdentifiers;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Snils;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry's patient records (SPEC C6, F4; issue 12): staff look patients up by phone, SNILS or
 * policy number, create a record when none exists, and keep its policies and SNILS.
 */
@Controller
@PreAuthorize("hasAnyRole('DOCTOR', 'CLINIC_ADMIN', 'PLATFORM_ADMIN', 'REGISTRAR')")
class PatientRecordPages {

    private final PatientRecords records;
    private final RegistryIdentifiers identifiers;
    private final PageErrors pageErrors;
    private final java.time.Clock clock;

    PatientRecordPages(
            PatientRecords records, RegistryIdentifiers identifiers, PageErrors pageErrors, java.time.Clock clock) {
        this.records = records;
        this.identifiers = identifiers;
        this.pageErrors = pageErrors;
        this.clock = clock;
    }

    /** Staff look patients up by phone, SNILS or policy, and create a record when none exists. */
    @GetMapping("/schedule/patients")
    String patients(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String query, Model model) {
        model.addAttribute("query", query);
        if (query != null && !query.isBlank()) {
            model.addAttribute("found", records.find(user, query));
        }
        if (!model.containsAttribute("patient")) {
            model.addAttribute(
                    "patient",
                    new java.util.HashMap<String, String>(java.util.Map.of("phone", query == null ? "" : query)));
        }
        return "scheduling/patients";
    }

    @PostMapping("/schedule/patients")
    String createRecord(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        try {
            var created = records.create(user, patientForm(form));
            return "redirect:/schedule/patients/" + created.patientId().value() + "?created";
        } catch (DomainException refused) {
            model.addAttribute("errors", pageErrors.of(refused, locale));
            model.addAttribute("patient", form.toSingleValueMap());
            return patients(user, form.getFirst("query"), model);
        }
    }

    /** One record with its policies; staff add and remove policies here. */
    @GetMapping("/schedule/patients/{patientId}")
    String patient(@AuthenticationPrincipal SignedInUser user, @PathVariable String patientId, Model model) {
        model.addAttribute("card", records.card(user, PatientId.of(patientId)));
        model.addAttribute("keepsRegistry", records.keepsRegistry(user, PatientId.of(patientId)));
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("policy")) {
            model.addAttribute("policy", new java.util.HashMap<String, String>(java.util.Map.of("kind", "OMS")));
        }
        return "scheduling/patient";
    }

    @PostMapping("/schedule/patients/{patientId}/policies")
    String addPolicy(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String patientId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        try {
            identifiers.addPolicy(
                    user,
                    PatientId.of(patientId),
                    new PolicyForm(
                            form.getFirst("kind"),
                            form.getFirst("number"),
                            form.getFirst("insurer"),
                            form.getFirst("validFrom"),
                            form.getFirst("validTo")));
            return "redirect:/schedule/patients/" + patientId + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", pageErrors.of(refused, locale));
            model.addAttribute("policy", form.toSingleValueMap());
            return patient(user, patientId, model);
        }
    }

    /** The registry records or corrects the SNILS from the patient's document (SPEC F4, issue 12). */
    @PostMapping("/schedule/patients/{patientId}/snils")
    String setSnils(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String patientId,
            @RequestParam(required = false) String snils,
            Model model,
            Locale locale) {
        try {
            identifiers.recordSnils(user, PatientId.of(patientId), Snils.parse(snils, "snils"));
            return "redirect:/schedule/patients/" + patientId + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", pageErrors.of(refused, locale));
            model.addAttribute("snils", snils);
            return patient(user, patientId, model);
        }
    }

    @PostMapping("/schedule/policies/{id}/delete")
    String removePolicy(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestParam String patientId) {
        identifiers.removePolicy(user, TypedId.parse(id, "id"));
        return "redirect:/schedule/patients/" + PatientId.of(patientId).value() + "?saved";
    }

    /** The record form as the registry and the schedule page post it. */
    static PatientRecordForm patientForm(MultiValueMap<String, String> form) {
        return new PatientRecordForm(
                form.getFirst("lastName"),
                form.getFirst("firstName"),
                form.getFirst("patronymic"),
                form.getFirst("birthDate"),
                form.getFirst("sex"),
                form.getFirst("phone"),
                form.getFirst("snils"),
                form.getFirst("omsNumber"),
                form.getFirst("omsInsurer"),
                form.getFirst("omsValidTo"));
    }
}
