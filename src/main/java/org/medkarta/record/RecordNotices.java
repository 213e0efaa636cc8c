package org.medkarta.record;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.medkarta.web.UnitLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** In-app notices of the record module (SPEC E3 «a notice when something new arrives», E8 alerts). */
@Component
class RecordNotices {

    // Notices go out in the platform's language; an account has no language of its own yet.
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Notifications notifications;
    private final AccountDirectory identity;
    private final MessageSource messages;

    RecordNotices(Notifications notifications, AccountDirectory identity, MessageSource messages) {
        this.notifications = notifications;
        this.identity = identity;
        this.messages = messages;
    }

    /** Tells the patient a new entry is in their record, once per entry. */
    void entryArrived(PatientId patient, java.util.UUID entry, EntryType type, String title, LocalDate date) {
        identity.patient(patient)
                .map(AccountView::userId)
                .ifPresent(user -> notifications.notify(
                        user,
                        text("record.notice.entry.title"),
                        text("record.notice.entry.text", text("record.type." + type.name()), title, DATE.format(date)),
                        "/record/" + patient.value() + "/entries/" + entry));
    }

    void uploadDecided(PatientId patient, boolean verified, String title, String reason) {
        identity.patient(patient)
                .map(AccountView::userId)
                .ifPresent(user -> notifications.notify(
                        user,
                        text(verified ? "record.notice.verified.title" : "record.notice.rejected.title"),
                        text(verified ? "record.notice.verified.text" : "record.notice.rejected.text", title, reason),
                        "/record/" + patient.value() + "/uploads"));
    }

    void alert(UserId doctor, PatientId patient, String measure, String reading) {
        notifications.notify(
                doctor,
                text("record.notice.alert.title"),
                text("record.notice.alert.text", measure, reading),
                "/record/alerts");
    }

    String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, code, RUSSIAN);
    }

    /** The label of a unit of measure in the notices' language (issue 13: «мм рт. ст.», not mmHg). */
    String unit(String unit) {
        return new UnitLabels(messages).label(unit, RUSSIAN);
    }
}
