package org.medkarta.access.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.access.AccessLevel;
import org.medkarta.access.Delegation;
import org.medkarta.access.GrantForm;
import org.medkarta.access.Relation;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
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
 * The grants of a record (SPEC F1, F2): for the patient or their parent, each grant started, its
 * level changed or revoked with a one-time code confirming the step.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class AccessGrantPages {

    private final Delegation delegation;
    private final RecordChoices choices;
    private final PageErrors errors;

    AccessGrantPages(Delegation delegation, RecordChoices choices, PageErrors errors) {
        this.delegation = delegation;
        this.choices = choices;
        this.errors = errors;
    }

    @GetMapping("/access/grants")
    String grants(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String patientId,
            Model model,
            Locale locale) {
        PatientId patient = whose(user, patientId);
        model.addAttribute("patientId", patient.value());
        model.addAttribute("grants", delegation.grants(user, patient));
        model.addAttribute("levels", AccessLevel.values());
        model.addAttribute(
                "managed",
                choices.of(user).stream()
                        .filter(choice -> choice.relation() == Relation.SELF || choice.relation() == Relation.PARENT)
                        .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new GrantForm(null, null, null, "VIEW"));
        }
        return "access/grants";
    }

    @PostMapping("/access/grants")
    String start(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam String patientId,
            @RequestParam(required = false) String granteeName,
            @RequestParam(required = false) String granteePhone,
            @RequestParam(required = false) String granteeEmail,
            @RequestParam(required = false) String level,
            Model model,
            Locale locale) {
        var form = new GrantForm(granteeName, granteePhone, granteeEmail, level);
        try {
            var grant = delegation.start(user, PatientId.of(patientId), form, locale);
            return "redirect:/access/grants/" + grant.id() + "/confirm";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("form", form);
            model.addAttribute("errors", errors.of(refused, locale));
            return grants(user, patientId, model, locale);
        }
    }

    /** The page asking for the code that confirms a step: {@code confirm}, {@code level}, {@code revoke}. */
    @GetMapping("/access/grants/{id}/{step:confirm|level|revoke}")
    String codePage(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String step,
            Model model) {
        model.addAttribute("grant", delegation.grant(user, TypedId.parse(id, "id")));
        model.addAttribute("step", step);
        return "access/code";
    }

    @PostMapping("/access/grants/{id}/confirm")
    String confirm(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String code,
            Model model,
            Locale locale) {
        UUID grant = TypedId.parse(id, "id");
        return withCode(
                user,
                grant,
                "confirm",
                model,
                locale,
                () -> delegation.confirm(user, grant, code, locale).patientId());
    }

    @PostMapping("/access/grants/{id}/level/request")
    String requestLevel(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String level,
            Locale locale) {
        delegation.requestLevelChange(user, TypedId.parse(id, "id"), level, locale);
        return "redirect:/access/grants/" + id + "/level";
    }

    @PostMapping("/access/grants/{id}/level")
    String changeLevel(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String code,
            Model model,
            Locale locale) {
        UUID grant = TypedId.parse(id, "id");
        return withCode(
                user,
                grant,
                "level",
                model,
                locale,
                () -> delegation.changeLevel(user, grant, code, locale).patientId());
    }

    @PostMapping("/access/grants/{id}/revoke/request")
    String requestRevocation(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Locale locale) {
        delegation.requestRevocation(user, TypedId.parse(id, "id"), locale);
        return "redirect:/access/grants/" + id + "/revoke";
    }

    @PostMapping("/access/grants/{id}/revoke")
    String revoke(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String code,
            Model model,
            Locale locale) {
        UUID grant = TypedId.parse(id, "id");
        return withCode(
                user,
                grant,
                "revoke",
                model,
                locale,
                () -> delegation.revoke(user, grant, code, locale).patientId());
    }

    private String withCode(
            SignedInUser user,
            UUID grant,
            String step,
            Model model,
            Locale locale,
            java.util.function.Supplier<PatientId> action) {
        try {
            PatientId patient = action.get();
            String done = switch (step) {
                case "confirm" -> "invited";
                case "level" -> "levelChanged";
                default -> "revoked";
            };
            return "redirect:/access/grants?patientId=" + patient.value() + "&" + done;
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("errors", errors.of(refused, locale, Map.of("grant-state", PageErrors.FORM)));
            return codePage(user, grant.toString(), step, model);
        }
    }

    private static PatientId whose(SignedInUser user, String patientId) {
        if (patientId != null && !patientId.isBlank()) {
            return PatientId.of(patientId);
        }
        if (user.patientId() == null) {
            throw new NotFound();
        }
        return user.patientId();
    }
}
