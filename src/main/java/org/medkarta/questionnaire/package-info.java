/**
 * Clinic questionnaires (анкеты, SPEC E9; issue 17), modelled close to FHIR Questionnaire and
 * QuestionnaireResponse: a clinic's administrator defines them in versions (draft, published,
 * retired) with typed items, required ones and simple conditions ({@code enableWhen}); they are
 * asked of the patients who book a service they are attached to, of patients the clinic chooses, or
 * open to every patient in the clinic's care; the patient fills them (drafts kept), a decimal item
 * can feed a diary measure (SPEC E8) through the record module's facade, and reminders go through
 * the outbox the day before an appointment whose questionnaire is still unfilled.
 *
 * <p>Answers are medical data: every read and every filling asks {@link
 * org.medkarta.access.RecordAccess} first, so another patient or staff outside the care relationship
 * get 404 and every access is audited. It listens to scheduling's booking events and never makes
 * scheduling depend on it; the consultation page and the record page show the answers through this
 * module's own page fragment (an htmx include), so neither module depends on this one.
 *
 * <p>Its public facades, one per use case:
 *
 * <ul>
 *   <li>{@link org.medkarta.questionnaire.Definitions}: a clinic's administrator defines, publishes
 *       and versions questionnaires,
 *       tested by {@code DefinitionsIT};
 *   <li>{@link org.medkarta.questionnaire.Sending}: a clinic sends one to patients it chooses, and
 *       the reminders the day before an appointment,
 *       tested by {@code SendingIT};
 *   <li>{@link org.medkarta.questionnaire.Filling}: what a patient is asked to fill, drafts and
 *       submissions, a decimal item feeding the diary,
 *       tested by {@code FillingIT};
 *   <li>{@link org.medkarta.questionnaire.ResponseReading}: the patient's answers, for whoever may
 *       read the record,
 *       tested by {@code ResponseReadingIT}.
 * </ul>
 *
 * <p>The rules of a definition are the package-private {@code DefinitionRules}, those of an answer
 * {@code AnswerRules}.
 */
@ApplicationModule(displayName = "Questionnaires")
package org.medkarta.questionnaire;

import org.springframework.modulith.ApplicationModule;
