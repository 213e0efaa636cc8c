package org.medkarta.questionnaire.web;

import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.questionnaire.ResponseReading;
import org.medkarta.shared.PatientId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * «Анкеты» of a record (SPEC E9): the answers, read-only, to whoever may read the record (the
 * patient, a parent, a grantee, a doctor in a care relationship); also as a panel the consultation
 * page loads beside the request. Anyone else is answered 404, and each view is audited.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ResponsePages {

    private final RecordAccess access;
    private final ResponseReading reading;

    ResponsePages(RecordAccess access, ResponseReading reading) {
        this.access = access;
        this.reading = reading;
    }

    @GetMapping("/record/{id}/questionnaires")
    String list(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var decision = access.require(user, patient(id), RecordAction.VIEW);
        model.addAttribute("patientId", decision.patient().value());
        model.addAttribute("responses", reading.responses(decision));
        return "questionnaire/record";
    }

    /** The answers for the consultation page, loaded by htmx. */
    @GetMapping("/record/{id}/questionnaires/panel")
    String panel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var decision = access.require(user, patient(id), RecordAction.VIEW);
        model.addAttribute("patientId", decision.patient().value());
        model.addAttribute(
                "responses",
                reading.responses(decision).stream()
                        .filter(response -> response.submittedAt() != null)
                        .toList());
        return "questionnaire/record :: panel";
    }

    @GetMapping("/record/{id}/questionnaires/{responseId}")
    String response(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String responseId,
            Model model) {
        var decision = access.require(user, patient(id), RecordAction.VIEW);
        model.addAttribute("patientId", decision.patient().value());
        model.addAttribute("response", reading.response(decision, QuestionnaireAdminPages.uuid(responseId)));
        return "questionnaire/response";
    }

    private static PatientId patient(String id) {
        return new PatientId(QuestionnaireAdminPages.uuid(id));
    }
}
