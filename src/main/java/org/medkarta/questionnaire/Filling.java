package org.medkarta.questionnaire;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.AccessLevel;
import org.medkarta.access.ClinicPatients;
import org.medkarta.access.RecordAction;
import org.medkarta.access.Relation;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.Diary;
import org.medkarta.record.DiaryForm;
import org.medkarta.record.Measure;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient fills a questionnaire (SPEC E9) and their doctors read the answers. Every method takes
 * an {@link AccessDecision} of the access module's policy point: to fill, one to CONTRIBUTE to the
 * record (the patient, a parent of a child under 15, a FULL grantee); to read, one to VIEW it (a
 * doctor in a care relationship too). A draft is saved as typed, to come back to; a submission is
 * checked item by item (required, type, range, options) with the conditions applied (answers to
 * items hidden by a condition are dropped), becomes read-only, and adds a reading to the diary for
 * each answered decimal item mapped to a measure (SPEC E8).
 */
@Service
public class Filling {

    /** What the fill page shows: the version to fill, what asked for it, the draft's answers. */
    public record Fill(QuestionnaireView questionnaire, UUID assignmentId, Map<String, List<String>> answers) {}

    static final int STRING_MAX = 200;
    static final int TEXT_MAX = 4000;

    private final Questionnaires questionnaires;
    private final Responses responses;
    private final ClinicPatients access;
    private final Diary diary;
    private final Clock clock;

    Filling(Questionnaires questionnaires, Responses responses, ClinicPatients access, Diary diary, Clock clock) {
        this.questionnaires = questionnaires;
        this.responses = responses;
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
        Map<String, List<String>> given = given(published, answers);
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
            return view(responses.find(draft.id()).orElseThrow());
        }
        var checked = check(published, given);
        if (!responses.submit(draft.id(), published.id(), checked, actor.userId(), now)) {
            throw QuestionnaireRefusal.responseSubmitted();
        }
        feedDiary(decision, actor, published, checked);
        return view(responses.find(draft.id()).orElseThrow());
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

    /** The answers as sent, each item's blank values left out; an item the questionnaire has not is refused. */
    private static Map<String, List<String>> given(QuestionnaireView questionnaire, List<AnswerForm> answers) {
        var errors = new FieldErrors();
        var given = new LinkedHashMap<String, List<String>>();
        for (AnswerForm answer : answers == null ? List.<AnswerForm>of() : answers) {
            if (answer == null || answer.linkId() == null) {
                continue;
            }
            Item item = questionnaire.item(answer.linkId());
            if (item == null) {
                errors.reject("item." + answer.linkId(), "questionnaire.answer.unknown-item");
                continue;
            }
            var values = new ArrayList<String>();
            for (String value : answer.values()) {
                if (value != null && !value.isBlank()) {
                    String text = value.strip();
                    if (text.length() > TEXT_MAX) {
                        errors.reject("item." + item.linkId(), "questionnaire.validation.too-long", TEXT_MAX);
                    }
                    values.add(text);
                }
            }
            if (!values.isEmpty()) {
                given.computeIfAbsent(item.linkId(), id -> new ArrayList<>()).addAll(values);
            }
        }
        errors.throwIfAny();
        return given;
    }

    /**
     * The rules of a submission, in the questionnaire's order: an item is enabled when it has no
     * condition, or its condition's item is enabled and answered with the condition's answer; a
     * disabled item's answers are dropped; an enabled one is checked by its type.
     */
    static Map<String, List<String>> check(QuestionnaireView questionnaire, Map<String, List<String>> given) {
        var errors = new FieldErrors();
        var kept = new LinkedHashMap<String, List<String>>();
        Set<String> enabled = new HashSet<>();
        for (Item item : questionnaire.items()) {
            if (!enabled(item, enabled, kept)) {
                continue;
            }
            enabled.add(item.linkId());
            List<String> values = given.getOrDefault(item.linkId(), List.of());
            String field = "item." + item.linkId();
            if (values.isEmpty()) {
                if (item.required()) {
                    errors.reject(field, "questionnaire.answer.required");
                }
                continue;
            }
            var normalised = new ArrayList<String>();
            for (String value : values) {
                String answer = answer(item, value, field, errors);
                if (answer != null) {
                    normalised.add(answer);
                }
            }
            if (values.size() > 1 && !item.multiple()) {
                errors.reject(field, "questionnaire.answer.one");
            }
            if (normalised.size() == values.size()) {
                kept.put(item.linkId(), normalised);
            }
        }
        errors.throwIfAny();
        return kept;
    }

    private static boolean enabled(Item item, Set<String> enabled, Map<String, List<String>> kept) {
        var condition = item.enableWhen();
        if (condition == null) {
            return true;
        }
        return enabled.contains(condition.question())
                && kept.getOrDefault(condition.question(), List.of()).contains(condition.answer());
    }

    /** One answer as kept (a number without trailing zeros, true/false), or null when it is refused. */
    private static String answer(Item item, String value, String field, FieldErrors errors) {
        switch (item.type()) {
            case STRING -> {
                if (value.length() > STRING_MAX) {
                    errors.reject(field, "questionnaire.validation.too-long", STRING_MAX);
                    return null;
                }
                return value;
            }
            case TEXT -> {
                return value;
            }
            case DECIMAL -> {
                BigDecimal number = Answers.decimal(value);
                if (number == null) {
                    errors.reject(field, "questionnaire.answer.number");
                    return null;
                }
                if ((item.minValue() != null && number.compareTo(item.minValue()) < 0)
                        || (item.maxValue() != null && number.compareTo(item.maxValue()) > 0)) {
                    errors.reject(field, "questionnaire.answer.range", bound(item.minValue()), bound(item.maxValue()));
                    return null;
                }
                return number.stripTrailingZeros().toPlainString();
            }
            case DATE -> {
                if (Answers.date(value) == null) {
                    errors.reject(field, "questionnaire.answer.date");
                    return null;
                }
                return Answers.date(value).toString();
            }
            case CHOICE -> {
                if (!item.answerOptions().contains(value)) {
                    errors.reject(field, "questionnaire.answer.option");
                    return null;
                }
                return value;
            }
            case BOOLEAN -> {
                String bool = Answers.bool(value);
                if (bool == null) {
                    errors.reject(field, "questionnaire.answer.boolean");
                }
                return bool;
            }
            default -> throw new IllegalStateException(item.type().name());
        }
    }

    private static String bound(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
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
            Measure measure = Definitions.measure(item.measure());
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

    private ResponseView view(Responses.Row row) {
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
