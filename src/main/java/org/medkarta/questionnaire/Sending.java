package org.medkarta.questionnaire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.medkarta.access.ClinicPatients;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A clinic sends a published questionnaire to patients it chooses among those in its care (SPEC
 * E9), and reminds patients, through the outbox, of a questionnaire still unfilled the day before
 * the appointment it was asked for.
 */
@Service
public class Sending {

    /** How long before the appointment an unfilled questionnaire is reminded of. */
    static final Duration REMIND_BEFORE = Duration.ofDays(1);

    private final Questionnaires questionnaires;
    private final Responses responses;
    private final ClinicAdministrators clinics;
    private final ClinicPatients access;
    private final AccountDirectory identity;
    private final QuestionnaireNotices notices;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Sending(
            Questionnaires questionnaires,
            Responses responses,
            ClinicAdministrators clinics,
            ClinicPatients access,
            AccountDirectory identity,
            QuestionnaireNotices notices,
            TransactionTemplate transaction,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.clinics = clinics;
        this.access = access;
        this.identity = identity;
        this.notices = notices;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The patients the clinic cares for now, to choose from; for its administrators. */
    @Transactional(readOnly = true)
    public List<PatientChoice> candidates(SignedInUser admin, UUID questionnaireId) {
        var questionnaire = administered(admin, questionnaireId);
        List<PatientId> cared;
        try {
            cared = access.exportable(admin.userId(), questionnaire.clinicId());
        } catch (NotFound notTheClinicsAdministrator) {
            // A platform administrator is not one of the clinic's own: they choose no one.
            return List.of();
        }
        var found = new ArrayList<PatientChoice>();
        for (PatientId patient : cared) {
            identity.patient(patient)
                    .ifPresent(account -> found.add(new PatientChoice(
                            patient,
                            account.lastName() + " " + account.firstName()
                                    + (account.patronymic() == null ? "" : " " + account.patronymic()))));
        }
        return found;
    }

    /**
     * Sends the published questionnaire to the chosen patients; each must be in the clinic's care
     * (another is refused beside the field, and nothing is sent). A patient asked before is not
     * asked twice.
     *
     * @return how many patients were newly asked
     */
    @Transactional
    public int send(SignedInUser admin, UUID questionnaireId, List<String> patientIds) {
        var questionnaire = administered(admin, questionnaireId);
        var errors = new FieldErrors();
        if (questionnaire.status() != QuestionnaireStatus.PUBLISHED) {
            throw QuestionnaireRefusal.notPublished();
        }
        var chosen = new LinkedHashSet<PatientId>();
        for (String text : patientIds == null ? List.<String>of() : patientIds) {
            PatientId patient = patient(text);
            if (patient == null || !access.caredForBy(questionnaire.clinicId(), patient)) {
                errors.reject("patientIds", "questionnaire.validation.patient-not-in-care");
            } else {
                chosen.add(patient);
            }
        }
        if (chosen.isEmpty() && !errors.has("patientIds")) {
            errors.reject("patientIds", "questionnaire.validation.patients-required");
        }
        errors.throwIfAny();
        int asked = 0;
        Instant now = clock.instant();
        for (PatientId patient : chosen) {
            UUID id = UUID.randomUUID();
            if (responses.assign(id, questionnaire.seriesId(), patient, "sent", null, null, null, now)) {
                notices.asked(responses.assignment(id).orElseThrow(), questionnaire);
                asked++;
            }
        }
        return asked;
    }

    /**
     * Reminds of every questionnaire asked for an appointment that starts within a day and is not
     * submitted yet, once each (a node that finds it reminded already skips it).
     *
     * @return how many reminders were queued
     */
    public int sendDueReminders() {
        Instant now = clock.instant();
        var due = transaction.execute(status -> responses.dueReminders(now, now.plus(REMIND_BEFORE), 500));
        int sent = 0;
        for (var assignment : due) {
            Boolean done = transaction.execute(status -> {
                if (!responses.markReminded(assignment.id(), now)) {
                    return false;
                }
                var published = questionnaires.publishedOf(assignment.series());
                published.ifPresent(questionnaire -> notices.remind(assignment, questionnaire));
                return published.isPresent();
            });
            sent += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return sent;
    }

    private QuestionnaireView administered(SignedInUser admin, UUID id) {
        var found = questionnaires.find(id).orElseThrow(NotFound::new);
        if (!clinics.administers(admin, found.clinicId())) {
            throw new NotFound();
        }
        return found;
    }

    private static PatientId patient(String text) {
        try {
            return text == null ? null : new PatientId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
