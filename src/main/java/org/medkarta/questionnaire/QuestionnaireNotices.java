package org.medkarta.questionnaire;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.notification.Contact;
import org.medkarta.notification.Message;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.Representation;
import org.medkarta.shared.UserId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells a patient (or whoever acts for them, decided when the message goes out, as appointment
 * notices are) that a questionnaire waits for them, and reminds them through the outbox.
 */
@Component
class QuestionnaireNotices {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", RUSSIAN);

    private final Notifications notifications;
    private final AccountDirectory identity;
    private final Representation representation;
    private final ClinicCatalogue clinics;
    private final PublicUrl publicUrl;
    private final MessageSource messages;

    QuestionnaireNotices(
            Notifications notifications,
            AccountDirectory identity,
            Representation representation,
            ClinicCatalogue clinics,
            PublicUrl publicUrl,
            MessageSource messages) {
        this.notifications = notifications;
        this.identity = identity;
        this.representation = representation;
        this.clinics = clinics;
        this.publicUrl = publicUrl;
        this.messages = messages;
    }

    /** «Заполните анкету»: sent once per assignment, whoever asked. */
    void asked(Responses.Assignment assignment, QuestionnaireView questionnaire) {
        tell(assignment, questionnaire, "asked", "questionnaire-asked:" + assignment.id());
    }

    /** The reminder the day before the appointment, once per assignment and due time. */
    void remind(Responses.Assignment assignment, QuestionnaireView questionnaire) {
        tell(
                assignment,
                questionnaire,
                "reminder",
                "questionnaire-reminder:" + assignment.id() + ":" + assignment.dueAt());
    }

    private void tell(Responses.Assignment assignment, QuestionnaireView questionnaire, String what, String key) {
        UserId told = representation.toldAbout(assignment.patient(), assignment.told());
        if (told == null) {
            return;
        }
        ZoneId zone = clinics.timezone(questionnaire.clinicId());
        String when =
                assignment.dueAt() == null ? "" : WHEN.format(assignment.dueAt().atZone(zone));
        String title = messages.getMessage("questionnaire.notice." + what + ".title", null, RUSSIAN);
        String text = messages.getMessage(
                "questionnaire.notice." + what + ".text", new Object[] {questionnaire.title(), when}, RUSSIAN);
        Contact contact = identity.contact(told).orElse(new Contact(null, null));
        notifications.tell(told, contact, new Message(title, text, publicUrl.of("/questionnaires")), key);
    }
}
