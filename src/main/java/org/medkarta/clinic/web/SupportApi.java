package org.medkarta.clinic.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.medkarta.clinic.SupportForm;
import org.medkarta.clinic.SupportQueue;
import org.medkarta.clinic.SupportState;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** "Нужна помощь" and callback orders from anyone; the queue for support agents and clinic administrators (SPEC B7). */
@RestController
@RequestMapping("/api/v1/support/requests")
@Tag(name = "Support")
class SupportApi {

    record Reply(String text, Boolean done) {}

    private final SupportQueue directory;

    SupportApi(SupportQueue directory) {
        this.directory = directory;
    }

    /** Files a request, signed in or not: {@code {kind: HELP|CALLBACK, name?, email?, phone?, topic, text?, preferredTime?, clinicId?}}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Json.SupportRequest submit(@AuthenticationPrincipal SignedInUser user, @RequestBody SupportForm body) {
        return Json.SupportRequest.of(directory.submit(user, body));
    }

    /** The queue, oldest first; {@code state} NEW|IN_PROGRESS|DONE. */
    @GetMapping
    @PreAuthorize("hasAnyRole('SUPPORT', 'PLATFORM_ADMIN', 'CLINIC_ADMIN')")
    List<Json.SupportRequest> queue(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String state) {
        return directory.supportQueue(user, state(state)).stream()
                .map(Json.SupportRequest::of)
                .toList();
    }

    @PostMapping("/{id}/take")
    @PreAuthorize("hasAnyRole('SUPPORT', 'PLATFORM_ADMIN', 'CLINIC_ADMIN')")
    Json.SupportRequest take(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.SupportRequest.of(directory.take(user, TypedId.parse(id, "id")));
    }

    /** Answers the person; {@code done: true} also closes the request. */
    @PostMapping("/{id}/reply")
    @PreAuthorize("hasAnyRole('SUPPORT', 'PLATFORM_ADMIN', 'CLINIC_ADMIN')")
    Json.SupportRequest reply(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody Reply body,
            Locale locale) {
        return Json.SupportRequest.of(
                directory.reply(user, TypedId.parse(id, "id"), body.text(), Boolean.TRUE.equals(body.done()), locale));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('SUPPORT', 'PLATFORM_ADMIN', 'CLINIC_ADMIN')")
    Json.SupportRequest close(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.SupportRequest.of(directory.close(user, TypedId.parse(id, "id")));
    }

    static SupportState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return SupportState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("state", "clinic.validation.choice");
        }
    }
}
