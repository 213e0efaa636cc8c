package org.medkarta.questionnaire;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.ClinicPatients;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.Diary;
import org.medkarta.record.DiaryForm;
import org.medkarta.record.Measure;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient fills a questionnaire (SPEC E9). Every method takes an {@link AccessDecision} of the
 * access module's policy point: to fill, one to CONTRIBUTE to the record (the patient, a parent of a
 * child under 15, a FULL grantee); what was answered is read through {@link ResponseReading}. A draft is saved as typed, to come back to; a submission is
 * checked item by item (required, type, range, options) with the conditions applied (answers to
 * items hidden by a condition are dropped; {@code AnswerRules}), becomes read-only, and adds a reading to the diary for
 * each answered decimal item mapped to a measure (SPEC E8).
 */
@Service
public class Filling {

    /** What the fill page shows: the version to fill, what asked for it, the draft's answers. */
    public record Fill(QuestionnaireView questionnaire, UUID assignmentId, Map<String, List<String>> answers) {}

    private final Questionnaires questionnaires;
    private final Responses responses;
    private final ResponseReading reading;
    private final ClinicPatients access;
    private final Diary diary;
    private final Clock clock;

    Filling(
            Questionnaires questionnaires,
            Responses responses,
            ResponseReading reading,
            ClinicPatients access,
            Diary diary,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.reading = reading;
        this.access = access;
        this.diary = diary;
        this.clock = clock;
    }

    /**
     * What the patient is asked to fill: the questionnaires of their bookings and those the clinic
     * sent them, not yet submitted, then those open to every patient of a clinic caring for them.
     */
    @Transactional(readOnly = true)
    public List<TaskView> tasks(AccessDecision decision) {
        PatientId patient = decision.patient();
        var found = new ArrayList<TaskView>();
        for (var assignment : responses.assignmentsOf(patient)) {
            if (responses.completed(assignment.id())) {
                continue;
            }
            questionnaires
                    .publishedOf(assignment.series())
                    .ifPresent(published -> found.add(new TaskView(
                            published.id(),
                            published.seriesId(),
                            published.title(),
                            published.clinicId(),
                            assignment.id(),
                            assignment.appointment(),
                            assignment.dueAt(),
                            responses
                                    .draft(draftKey(assignment.series(), patient, assignment.id()))
                                    .map(Responses.Row::id)
                                    .orElse(null))));
        }
        Set<UUID> asked = new HashSet<>();
        found.forEach(task -> asked.add(task.seriesId()));
        for (var open : questionnaires.openToAll()) {
            if (asked.contains(open.seriesId())
                    || responses.completedOpen(patient, open.seriesId())
                    || !access.caredForBy(open.clinicId(), patient)) {
                continue;
            }
            found.add(new TaskView(
                    open.id(),
                    open.seriesId(),
                    open.title(),
                    open.clinicId(),
                    null,
                    null,
                    null,
                    responses
                            .draft(draftKey(open.seriesId(), patient, null))
                            .map(Responses.Row::id)
                            .orElse(null)));
        }
        return found;
    }

    /**
     * The questionnaire to fill, with the draft saved before.
     *
     * @param questionnaireId any version of the questionnaire: the one published now is filled
     * @param assignmentId what asked for it, or null to find it (or one open to all)
     * @throws NotFound when the patient is not asked to fill it
     */
    @Transactional(readOnly = true)
    public Fill fill(AccessDecision decision, UUID questionnaireId, UUID assignmentId) {
        var target = target(decision, questionnaireId, assignmentId);
        var draft = responses.draft(draftKey(target.published().seriesId(), decision.patient(), target.assignment()));
        return new Fill(
                target.published(),
                target.assignment(),
                draft.map(Responses.Row::answers).orElse(Map.of()));
    }

    /**
     * Saves the answers as a draft ({@code submit} false), or submits them: then each enabled item
     * is checked, answers to hidden ones dropped, the response made read-only, and each answered
     * decimal item mapped to a diary measure adds a reading.
     *
     * @throws InvalidInput each wrong answer named {@code item.<linkId>}
     * @throws QuestionnaireRefusal {@code response-submitted} when what asked for it was answered already
     */
    @Transactional
    public ResponseView respond(
            AccessDecision decision,
            SignedInUser actor,
            UUID questionnaireId,
            UUID assignmentId,
            List<AnswerForm> answers,
            boolean submit) {
        if (decision.action() != RecordAction.CONTRIBUTE) {
            throw new IllegalArgumentException("a " + decision.action() + " decision used to fill a questionnaire");
        }
        var target = target(decision, questionnaireId, assignmentId);
        var published = target.published();
        if (target.assignment() != null && responses.completed(target.assignment())) {
            throw QuestionnaireRefusal.responseSubmitted();
        }
        Map<String, List<String>> given = AnswerRules.given(published, answers);
        Instant now = clock.instant();
        String key = draftKey(published.seriesId(), decision.patient(), target.assignment());
        var draft = responses.draftFor(
                key,
                published.id(),
                published.seriesId(),
                decision.patient(),
                target.assignment(),
                actor.userId(),
                now);
        if (!submit) {
            responses.save(draft.id(), published.id(), given, actor.userId(), now);
            return reading.view(responses.find(draft.id()).orElseThrow());
        }
        var checked = AnswerRules.check(published, given);
        if (!responses.submit(draft.id(), published.id(), checked, actor.userId(), now)) {
            throw QuestionnaireRefusal.responseSubmitted();
        }
        feedDiary(decision, actor, published, checked);
        return reading.view(responses.find(draft.id()).orElseThrow());
    }

    private record Target(QuestionnaireView published, UUID assignment) {}

    private Target target(AccessDecision decision, UUID questionnaireId, UUID assignmentId) {
        var version = questionnaires.find(questionnaireId).orElseThrow(NotFound::new);
        if (version.status() == QuestionnaireStatus.DRAFT) {
            throw new NotFound();
        }
        var published = questionnaires.publishedOf(version.seriesId()).orElseThrow(NotFound::new);
        PatientId patient = decision.patient();
        if (assignmentId != null) {
            var assignment = responses
                    .assignment(assignmentId)
                    .filter(a -> a.patient().equals(patient))
                    .filter(a -> a.series().equals(published.seriesId()))
                    .filter(a -> a.cancelledAt() == null)
                    .orElseThrow(NotFound::new);
            return new Target(published, assignment.id());
        }
        var asked = responses.assignmentsOf(patient).stream()
                .filter(a -> a.series().equals(published.seriesId()))
                .filter(a -> !responses.completed(a.id()))
                .findFirst();
        if (asked.isPresent()) {
            return new Target(published, asked.get().id());
        }
        if (published.openToAll() && access.caredForBy(published.clinicId(), patient)) {
            return new Target(published, null);
        }
        throw new NotFound();
    }

    static String draftKey(UUID series, PatientId patient, UUID assignment) {
        return series + ":" + patient.value() + ":" + (assignment == null ? "open" : assignment);
    }

    /**
     * Adds a diary reading for each answered decimal item mapped to a measure, through the record
     * module's facade (its plausible ranges apply; a refusal is shown beside the item).
     */
    private void feedDiary(
            AccessDecision decision,
            SignedInUser actor,
            QuestionnaireView questionnaire,
            Map<String, List<String>> kept) {
        for (Item item : questionnaire.items()) {
            if (item.measure() == null || !kept.containsKey(item.linkId())) {
                continue;
            }
            Measure measure = DefinitionRules.measure(item.measure());
            if (measure == null) {
                continue;
            }
            boolean custom = measure == Measure.CUSTOM;
            String name = custom ? shorten(item.text(), 100) : null;
            String note = shorten("Анкета «" + questionnaire.title() + "»", 500);
            try {
                diary.add(
                        decision,
                        actor,
                        new DiaryForm(
                                measure.name(),
                                null,
                                null,
                                kept.get(item.linkId()).get(0),
                                name,
                                custom ? item.unit() : null,
                                null,
                                note));
            } catch (InvalidInput refused) {
                var error = refused.errors().get(0);
                throw new InvalidInput(
                        "item." + item.linkId(),
                        error.messageCode(),
                        error.arguments().toArray());
            }
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
