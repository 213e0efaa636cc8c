package org.medkarta.questionnaire;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicServices;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.ClinicView;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.SignedInUser;
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
     * The rules of a definition, each wrong field named: a title; up to {@value DefinitionRules#ITEMS_MAX} items;
     * unique linkIds; a text and a known type per item; a range with min ≤ max; a choice with
     * distinct options; a condition on an earlier item with an answer that item can have; a diary
     * measure only on a decimal item, in the measure's unit ({@link DefinitionRules}); the clinic's
     * own services.
     */
    Checked check(SignedInUser actor, ClinicId clinic, QuestionnaireForm form) {
        var errors = new FieldErrors();
        String title = DefinitionRules.text(form.title(), "title", DefinitionRules.TITLE_MAX, true, errors);
        String description =
                DefinitionRules.text(form.description(), "description", DefinitionRules.DESCRIPTION_MAX, false, errors);
        if (form.items().size() > DefinitionRules.ITEMS_MAX) {
            errors.reject("item", "questionnaire.validation.too-many-items", DefinitionRules.ITEMS_MAX);
        }
        var items = new ArrayList<Item>();
        Set<String> linkIds = new HashSet<>();
        for (int i = 0; i < form.items().size() && i < DefinitionRules.ITEMS_MAX; i++) {
            var item = DefinitionRules.item(form.items().get(i), "item[" + i + "].", items, linkIds, errors);
            if (item != null) {
                items.add(item);
            }
        }
        var services = new LinkedHashSet<UUID>();
        List<ServiceView> own = clinicServices.servicesOf(actor, clinic);
        for (String text : form.serviceIds()) {
            UUID service = DefinitionRules.uuid(text);
            if (service == null || own.stream().noneMatch(s -> s.id().equals(new ServiceId(service)))) {
                errors.reject("serviceIds", "questionnaire.validation.service");
            } else {
                services.add(service);
            }
        }
        errors.throwIfAny();
        return new Checked(title, description, items, List.copyOf(services));
    }
}
