package org.medkarta.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.AccessLevel;
import org.medkarta.access.Relation;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a patient's questionnaire answers (SPEC E9): their responses for everyone who may read the
 * record (a doctor in a care relationship too), drafts only for those who fill for the patient. Every
 * method takes an {@link AccessDecision} of the access module's policy point. Filling them in is
 * {@link Filling}.
 */
@Service
public class ResponseReading {

    private final Questionnaires questionnaires;
    private final Responses responses;

    ResponseReading(Questionnaires questionnaires, Responses responses) {
        this.questionnaires = questionnaires;
        this.responses = responses;
    }

    /**
     * The patient's responses, newest first: submitted ones to everyone who may read the record,
     * drafts only to those who fill for the patient (a draft is not the patient's answer yet).
     */
    @Transactional(readOnly = true)
    public List<ResponseView> responses(AccessDecision decision) {
        boolean fills = fills(decision);
        return responses.ofPatient(decision.patient()).stream()
                .filter(row -> fills || row.status() == ResponseStatus.COMPLETED)
                .map(this::view)
                .toList();
    }

    /** One response of the patient's record; another record's, or a draft to a reader, is not found. */
    @Transactional(readOnly = true)
    public ResponseView response(AccessDecision decision, UUID response) {
        return responses
                .find(response)
                .filter(row -> row.patient().equals(decision.patient()))
                .filter(row -> row.status() == ResponseStatus.COMPLETED || fills(decision))
                .map(this::view)
                .orElseThrow(NotFound::new);
    }

    private static boolean fills(AccessDecision decision) {
        return decision.relation() == Relation.SELF
                || decision.relation() == Relation.PARENT
                || (decision.relation() == Relation.GRANTEE && decision.level() == AccessLevel.FULL);
    }

    /** A response as shown, its answers beside the items of the version it was given to. */
    ResponseView view(Responses.Row row) {
        var version = questionnaires.find(row.version()).orElseThrow();
        var items = new ArrayList<ResponseView.Answered>();
        for (Item item : version.items()) {
            var values = row.answers().get(item.linkId());
            if (values != null && !values.isEmpty()) {
                items.add(new ResponseView.Answered(item.linkId(), item.text(), item.type(), item.unit(), values));
            }
        }
        return new ResponseView(
                row.id(),
                version.id(),
                version.seriesId(),
                version.version(),
                version.title(),
                version.clinicId(),
                row.patient(),
                row.assignment(),
                row.status(),
                items,
                new HashMap<>(row.answers()),
                row.updatedAt(),
                row.submittedAt());
    }
}
