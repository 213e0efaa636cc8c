package org.medkarta.questionnaire;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicServices;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.ClinicView;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.Measure;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's administrator defines questionnaires (SPEC E9): title, description, typed items with
 * required ones and simple conditions, in versions. A draft is edited freely; publishing retires
 * the version published before; a published version is never changed, since answers point at it,
 * so editing it starts a new draft version. An administrator of another clinic is answered "not
 * found".
 */
@Service
public class Definitions {

    /** Like FHIR's linkId, kept to what a person types and a URL or form field name carries. */
    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;
    static final int TEXT_MAX = 500;
    static final int OPTION_MAX = 200;
    static final int ITEMS_MAX = 100;

    private final Questionnaires questionnaires;
    private final ClinicAdministrators clinics;
    private final ClinicServices clinicServices;
    private final ClinicSetUp clinicSetUp;
    private final Clock clock;

    Definitions(
            Questionnaires questionnaires,
            ClinicAdministrators clinics,
            ClinicServices clinicServices,
            ClinicSetUp clinicSetUp,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.clinics = clinics;
        this.clinicServices = clinicServices;
        this.clinicSetUp = clinicSetUp;
        this.clock = clock;
    }

    /** Every version of the clinic's questionnaires, for its administrators. */
    @Transactional(readOnly = true)
    public List<QuestionnaireView> ofClinic(SignedInUser actor, ClinicId clinic) {
        administer(actor, clinic);
        return questionnaires.ofClinic(clinic);
    }

    /** The clinic's services, to attach questionnaires to, for its administrators. */
    @Transactional(readOnly = true)
    public List<ServiceView> services(SignedInUser actor, ClinicId clinic) {
        administer(actor, clinic);
        return clinicServices.servicesOf(actor, clinic);
    }

    /** The clinic's profile for the admin pages' header, for its administrators. */
    @Transactional(readOnly = true)
    public ClinicView clinic(SignedInUser actor, ClinicId clinic) {
        return clinicSetUp.clinic(actor, clinic);
    }

    /** Whether the person administers the clinic. */
    @Transactional(readOnly = true)
    public boolean administers(SignedInUser actor, ClinicId clinic) {
        return clinics.administers(actor, clinic);
    }

    /**
     * A version: a published or retired one to anyone signed in (patients read what they fill, and a
     * definition holds no patient data), a draft to the clinic's administrators only.
     */
    @Transactional(readOnly = true)
    public QuestionnaireView questionnaire(SignedInUser actor, UUID id) {
        var found = questionnaires.find(id).orElseThrow(NotFound::new);
        if (found.status() == QuestionnaireStatus.DRAFT && !clinics.administers(actor, found.clinicId())) {
            throw new NotFound();
        }
        return found;
    }

    /** A version for its clinic's administrators only. */
    @Transactional(readOnly = true)
    public QuestionnaireView administered(SignedInUser actor, UUID id) {
        var found = questionnaires.find(id).orElseThrow(NotFound::new);
        administer(actor, found.clinicId());
        return found;
    }

    /** A new questionnaire, its first version a draft. */
    @Transactional
    public QuestionnaireView create(SignedInUser actor, ClinicId clinic, QuestionnaireForm form) {
        administer(actor, clinic);
        var checked = check(actor, clinic, form);
        UUID series = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        var now = clock.instant();
        questionnaires.addSeries(series, clinic, form.openToAll(), actor.userId(), now);
        questionnaires.addVersion(
                id, series, 1, checked.title(), checked.description(), checked.items(), actor.userId(), now);
        questionnaires.setAssignment(series, form.openToAll(), checked.services());
        return questionnaires.find(id).orElseThrow();
    }

    /**
     * Changes a draft: its title, description, items and how it is assigned.
     *
     * @throws QuestionnaireRefusal {@code questionnaire-not-draft} for a published or retired version
     */
    @Transactional
    public QuestionnaireView update(SignedInUser actor, UUID id, QuestionnaireForm form) {
        var found = administered(actor, id);
        if (found.status() != QuestionnaireStatus.DRAFT) {
            throw QuestionnaireRefusal.notADraft();
        }
        var checked = check(actor, found.clinicId(), form);
        questionnaires.updateDraft(id, checked.title(), checked.description(), checked.items());
        questionnaires.setAssignment(found.seriesId(), form.openToAll(), checked.services());
        return questionnaires.find(id).orElseThrow();
    }

    /**
     * Publishes a draft: patients fill it from now on, and the version published before is retired
     * (its answers stay as they were given).
     */
    @Transactional
    public QuestionnaireView publish(SignedInUser actor, UUID id) {
        var found = administered(actor, id);
        questionnaires.lockSeries(found.seriesId());
        if (found.status() == QuestionnaireStatus.DRAFT && found.items().isEmpty()) {
            // A draft is built item by item; patients are given only one with something to answer.
            throw new InvalidInput("item", "questionnaire.validation.no-items");
        }
        if (!questionnaires.publish(id, found.seriesId(), clock.instant())) {
            throw QuestionnaireRefusal.notADraft();
        }
        return questionnaires.find(id).orElseThrow();
    }

    /**
     * A new draft version copied from {@code id}, to change a published questionnaire; when the
     * series has a draft already, that draft (one draft at a time, under the series' lock).
     */
    @Transactional
    public QuestionnaireView newVersion(SignedInUser actor, UUID id) {
        var found = administered(actor, id);
        questionnaires.lockSeries(found.seriesId());
        var draft = questionnaires.draftOf(found.seriesId());
        if (draft.isPresent()) {
            return draft.get();
        }
        UUID copy = UUID.randomUUID();
        questionnaires.addVersion(
                copy,
                found.seriesId(),
                questionnaires.lastVersion(found.seriesId()) + 1,
                found.title(),
                found.description(),
                found.items(),
                actor.userId(),
                clock.instant());
        return questionnaires.find(copy).orElseThrow();
    }

    private void administer(SignedInUser actor, ClinicId clinic) {
        if (!clinics.administers(actor, clinic)) {
            throw new NotFound();
        }
    }

    record Checked(String title, String description, List<Item> items, List<UUID> services) {}

    /**
     * The rules of a definition, each wrong field named: a title; up to {@value #ITEMS_MAX} items;
     * unique linkIds; a text and a known type per item; a range with min ≤ max; a choice with
     * distinct options; a condition on an earlier item with an answer that item can have; a diary
     * measure only on a decimal item, in the measure's unit; the clinic's own services.
     */
    Checked check(SignedInUser actor, ClinicId clinic, QuestionnaireForm form) {
        var errors = new FieldErrors();
        String title = text(form.title(), "title", TITLE_MAX, true, errors);
        String description = text(form.description(), "description", DESCRIPTION_MAX, false, errors);
        if (form.items().size() > ITEMS_MAX) {
            errors.reject("item", "questionnaire.validation.too-many-items", ITEMS_MAX);
        }
        var items = new ArrayList<Item>();
        Set<String> linkIds = new HashSet<>();
        for (int i = 0; i < form.items().size() && i < ITEMS_MAX; i++) {
            var item = item(form.items().get(i), "item[" + i + "].", items, linkIds, errors);
            if (item != null) {
                items.add(item);
            }
        }
        var services = new LinkedHashSet<UUID>();
        List<ServiceView> own = clinicServices.servicesOf(actor, clinic);
        for (String text : form.serviceIds()) {
            UUID service = uuid(text);
            if (service == null || own.stream().noneMatch(s -> s.id().equals(new ServiceId(service)))) {
                errors.reject("serviceIds", "questionnaire.validation.service");
            } else {
                services.add(service);
            }
        }
        errors.throwIfAny();
        return new Checked(title, description, items, List.copyOf(services));
    }

    private static Item item(ItemForm form, String at, List<Item> earlier, Set<String> linkIds, FieldErrors errors) {
        if (form == null) {
            errors.reject(at + "linkId", "validation.required");
            return null;
        }
        int before = errorsCount(errors, at);
        String linkId = form.linkId() == null ? "" : form.linkId().strip();
        if (linkId.isEmpty()) {
            errors.reject(at + "linkId", "validation.required");
        } else if (!LINK_ID.matcher(linkId).matches()) {
            errors.reject(at + "linkId", "questionnaire.validation.link-id");
        } else if (!linkIds.add(linkId)) {
            errors.reject(at + "linkId", "questionnaire.validation.link-id-taken", linkId);
        }
        String text = text(form.text(), at + "text", TEXT_MAX, true, errors);
        ItemType type = ItemType.of(form.type());
        if (type == null) {
            errors.reject(at + "type", "questionnaire.validation.type");
        }
        String unit = blank(form.unit()) ? null : form.unit().strip();
        if (unit != null && unit.length() > 20) {
            errors.reject(at + "unit", "questionnaire.validation.too-long", 20);
        }
        BigDecimal min = number(form.minValue(), at + "minValue", errors);
        BigDecimal max = number(form.maxValue(), at + "maxValue", errors);
        List<String> options = new ArrayList<>();
        for (String option : form.answerOptions() == null ? List.<String>of() : form.answerOptions()) {
            if (!blank(option)) {
                String value = option.strip();
                if (value.length() > OPTION_MAX) {
                    errors.reject(at + "answerOption", "questionnaire.validation.too-long", OPTION_MAX);
                } else if (options.contains(value)) {
                    errors.reject(at + "answerOption", "questionnaire.validation.option-twice", value);
                } else {
                    options.add(value);
                }
            }
        }
        String measure = blank(form.measure()) ? null : form.measure().strip().toUpperCase(Locale.ROOT);
        if (type != ItemType.DECIMAL && (min != null || max != null)) {
            errors.reject(at + (min != null ? "minValue" : "maxValue"), "questionnaire.validation.range-decimal-only");
        }
        if (type != ItemType.DECIMAL && unit != null) {
            errors.reject(at + "unit", "questionnaire.validation.unit-decimal-only");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.reject(at + "maxValue", "questionnaire.validation.min-max");
        }
        if (type == ItemType.CHOICE && options.isEmpty()) {
            errors.reject(at + "answerOption", "questionnaire.validation.options-required");
        }
        if (type != null && type != ItemType.CHOICE && !options.isEmpty()) {
            errors.reject(at + "answerOption", "questionnaire.validation.options-choice-only");
        }
        if (form.repeats() && type != ItemType.CHOICE) {
            errors.reject(at + "repeats", "questionnaire.validation.repeats-choice-only");
        }
        if (measure != null) {
            Measure diary = measure(measure);
            if (type != ItemType.DECIMAL) {
                errors.reject(at + "measure", "questionnaire.validation.measure-decimal-only");
            } else if (diary == null || diary.twoValues()) {
                // Blood pressure needs two numbers in one reading, which one decimal item cannot give.
                errors.reject(at + "measure", "questionnaire.validation.measure");
            } else if (diary == Measure.CUSTOM && unit == null) {
                errors.reject(at + "unit", "questionnaire.validation.measure-unit-custom");
            } else if (diary != Measure.CUSTOM && unit != null && !unit.equals(diary.unit())) {
                errors.reject(at + "unit", "questionnaire.validation.measure-unit", diary.unit());
            } else if (diary != Measure.CUSTOM && unit == null) {
                unit = diary.unit();
            }
        }
        Item.EnableWhen condition = null;
        if (!blank(form.enableWhenQuestion())) {
            String question = form.enableWhenQuestion().strip();
            Item target = earlier.stream()
                    .filter(item -> item.linkId().equals(question))
                    .findFirst()
                    .orElse(null);
            String answer = blank(form.enableWhenAnswer())
                    ? null
                    : form.enableWhenAnswer().strip();
            if (target == null) {
                errors.reject(at + "enableWhen.question", "questionnaire.validation.condition-earlier");
            } else if (answer == null) {
                errors.reject(at + "enableWhen.answer", "validation.required");
            } else {
                answer = conditionAnswer(target, answer);
                if (answer == null) {
                    errors.reject(at + "enableWhen.answer", "questionnaire.validation.condition-answer");
                } else {
                    condition = new Item.EnableWhen(question, answer);
                }
            }
        } else if (!blank(form.enableWhenAnswer())) {
            errors.reject(at + "enableWhen.question", "validation.required");
        }
        if (errorsCount(errors, at) > before || type == null || linkId.isEmpty() || text == null) {
            return null;
        }
        return new Item(
                linkId,
                text,
                type,
                form.required(),
                type == ItemType.CHOICE && form.repeats(),
                unit,
                min,
                max,
                options,
                condition,
                measure);
    }

    /** The condition's answer as the target item's answers are kept, or null when it can have none such. */
    private static String conditionAnswer(Item target, String answer) {
        return switch (target.type()) {
            case BOOLEAN -> Answers.bool(answer);
            case CHOICE -> target.answerOptions().contains(answer) ? answer : null;
            case DECIMAL -> {
                var number = Answers.decimal(answer);
                yield number == null ? null : number.stripTrailingZeros().toPlainString();
            }
            case DATE -> Answers.date(answer) == null ? null : answer;
            default -> answer;
        };
    }

    private static int errorsCount(FieldErrors errors, String prefix) {
        // FieldErrors tells whether a field is wrong; counting this item's fields is enough to know
        // whether anything of it was refused.
        int count = 0;
        for (String field : List.of(
                "linkId",
                "text",
                "type",
                "unit",
                "minValue",
                "maxValue",
                "answerOption",
                "repeats",
                "measure",
                "enableWhen.question",
                "enableWhen.answer")) {
            if (errors.has(prefix + field)) {
                count++;
            }
        }
        return count;
    }

    static Measure measure(String name) {
        try {
            return Measure.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static BigDecimal number(String text, String field, FieldErrors errors) {
        if (blank(text)) {
            return null;
        }
        var number = Answers.decimal(text);
        if (number == null) {
            errors.reject(field, "questionnaire.validation.number");
        }
        return number;
    }

    private static String text(String value, String field, int max, boolean required, FieldErrors errors) {
        if (blank(value)) {
            if (required) {
                errors.reject(field, "validation.required");
            }
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            errors.reject(field, "questionnaire.validation.too-long", max);
            return null;
        }
        return text;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
