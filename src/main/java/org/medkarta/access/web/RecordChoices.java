package org.medkarta.access.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.medkarta.access.AccessLevel;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.Relation;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.PatientId;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The records a person may switch between, with names (SPEC F5), and the header's record switcher:
 * every page's model gets {@code recordChoices} and {@code currentRecord}.
 */
@Component
@ControllerAdvice
class RecordChoices {

    /** A record in the switcher. */
    record Choice(PatientId patientId, Relation relation, AccessLevel level, String name, boolean current) {}

    private final RecordAccess access;
    private final AccountDirectory identity;

    RecordChoices(RecordAccess access, AccountDirectory identity) {
        this.access = access;
        this.identity = identity;
    }

    List<Choice> of(SignedInUser user) {
        return of(user, null);
    }

    List<Choice> of(SignedInUser user, String current) {
        var refs = access.records(user);
        String chosen = current != null
                ? current
                : user.patientId() == null ? null : user.patientId().value().toString();
        return refs.stream()
                .map(ref -> new Choice(
                        ref.patientId(),
                        ref.relation(),
                        ref.level(),
                        nameOf(ref.patientId()),
                        ref.patientId().value().toString().equals(chosen)))
                .toList();
    }

    String nameOf(PatientId patient) {
        return identity.patient(patient)
                .map(account -> account.lastName() + " " + account.firstName())
                .orElse("");
    }

    /** For pages only: the API has no header, and the query is not free. */
    @ModelAttribute("recordChoices")
    List<Choice> recordChoices(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || authentication == null
                || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            return List.of();
        }
        var session = request.getSession(false);
        Object current = session == null ? null : session.getAttribute(RecordSwitchPages.CURRENT_RECORD);
        return of(user, current == null ? null : current.toString());
    }
}
