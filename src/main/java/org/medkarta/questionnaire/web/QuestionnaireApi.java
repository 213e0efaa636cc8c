package org.medkarta.questionnaire.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.questionnaire.Definitions;
import org.medkarta.questionnaire.Sending;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's questionnaires (SPEC E9): defined, versioned, published and sent by its administrators. */
@RestController
@Tag(name = "Questionnaires")
@PreAuthorize("isAuthenticated()")
class QuestionnaireApi {

    private final Definitions definitions;
    private final Sending sending;

    QuestionnaireApi(Definitions definitions, Sending sending) {
        this.definitions = definitions;
        this.sending = sending;
    }

    @GetMapping("/api/v1/clinics/{id}/questionnaires")
    List<Json.Questionnaire> list(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return definitions.ofClinic(user, ClinicId.of(id)).stream()
                .map(Json.Questionnaire::of)
                .toList();
    }

    @PostMapping("/api/v1/clinics/{id}/questionnaires")
    @ResponseStatus(HttpStatus.CREATED)
    Json.Questionnaire create(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody Json.QuestionnaireBody body) {
        return Json.Questionnaire.of(definitions.create(user, ClinicId.of(id), body.form()));
    }

    @GetMapping("/api/v1/questionnaires/{id}")
    Json.Questionnaire questionnaire(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.Questionnaire.of(definitions.questionnaire(user, uuid(id)));
    }

    @PutMapping("/api/v1/questionnaires/{id}")
    Json.Questionnaire update(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody Json.QuestionnaireBody body) {
        return Json.Questionnaire.of(definitions.update(user, uuid(id), body.form()));
    }

    @PostMapping("/api/v1/questionnaires/{id}/publish")
    Json.Questionnaire publish(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.Questionnaire.of(definitions.publish(user, uuid(id)));
    }

    @PostMapping("/api/v1/questionnaires/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    Json.Questionnaire newVersion(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.Questionnaire.of(definitions.newVersion(user, uuid(id)));
    }

    @PostMapping("/api/v1/questionnaires/{id}/assignments")
    Json.Asked send(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.Recipients body) {
        return new Json.Asked(sending.send(user, uuid(id), body.patientIds()));
    }

    static UUID uuid(String text) {
        return TypedId.parse(text, "id");
    }
}
