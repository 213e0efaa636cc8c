package org.medkarta.questionnaire.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.questionnaire.Filling;
import org.medkarta.questionnaire.ResponseReading;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Filling questionnaires and reading the answers (SPEC E9). Answers are medical data: each request
 * asks the access module's policy point about the record, so another patient or staff outside the
 * care relationship get 404, and each request is one audit entry.
 */
@RestController
@Tag(name = "Questionnaires")
@PreAuthorize("isAuthenticated()")
class ResponseApi {

    private final RecordAccess access;
    private final Filling filling;
    private final ResponseReading reading;

    ResponseApi(RecordAccess access, Filling filling, ResponseReading reading) {
        this.access = access;
        this.filling = filling;
        this.reading = reading;
    }

    /**
     * Saves a draft ({@code status: in-progress}, 200) or submits ({@code completed}, 201) the
     * answers of {@code subject} (the signed-in patient's own record when absent).
     */
    @PostMapping("/api/v1/questionnaires/{id}/responses")
    ResponseEntity<Json.QuestionnaireResponse> respond(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.ResponseBody body) {
        boolean submit = submit(body.status());
        PatientId patient = subject(user, body.subject());
        var questionnaire = QuestionnaireApi.uuid(id);
        var assignment = body.assignmentId() == null || body.assignmentId().isBlank()
                ? null
                : TypedId.parse(body.assignmentId(), "assignmentId");
        var decision = access.require(user, patient, RecordAction.CONTRIBUTE);
        var response = filling.respond(decision, user, questionnaire, assignment, body.answers(), submit);
        return ResponseEntity.status(submit ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Json.QuestionnaireResponse.of(response));
    }

    @GetMapping("/api/v1/patients/{id}/questionnaire-responses")
    List<Json.QuestionnaireResponse> responses(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var decision = access.require(user, new PatientId(TypedId.parse(id, "id")), RecordAction.VIEW);
        return reading.responses(decision).stream()
                .map(Json.QuestionnaireResponse::of)
                .toList();
    }

    @GetMapping("/api/v1/patients/{id}/questionnaire-tasks")
    List<Json.Task> tasks(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var decision = access.require(user, new PatientId(TypedId.parse(id, "id")), RecordAction.VIEW);
        return filling.tasks(decision).stream().map(Json.Task::of).toList();
    }

    static boolean submit(String status) {
        if (status == null || status.isBlank()) {
            throw new InvalidInput("status", "validation.required");
        }
        return switch (status.strip()) {
            case "in-progress" -> false;
            case "completed" -> true;
            default -> throw new InvalidInput("status", "questionnaire.validation.status");
        };
    }

    static PatientId subject(SignedInUser user, String subject) {
        if (subject == null || subject.isBlank()) {
            if (user.patientId() == null) {
                throw new InvalidInput("subject", "validation.required");
            }
            return user.patientId();
        }
        return new PatientId(TypedId.parse(subject, "subject"));
    }
}
