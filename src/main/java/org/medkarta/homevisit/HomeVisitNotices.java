package org.medkarta.homevisit;

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
 * Tells the patient's side (whoever asked, while they may still act for the patient, as appointment
 * notices are decided) by their channels that a doctor is assigned, that the window changed, or that
 * the clinic cancelled the request. A notice says when, never why: no medical text goes by SMS or
 * e-mail ("врач назначен, придёт {date} с {from} до {to}").
 */
@Component
class HomeVisitNotices {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", RUSSIAN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", RUSSIAN);

    private final Notifications notifications;
    private final AccountDirectory identity;
    private final Representation representation;
    private final ClinicCatalogue clinics;
    private final PublicUrl publicUrl;
    private final MessageSource messages;

    HomeVisitNotices(
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

    /** A doctor and a window assigned, or (changed) a new doctor or window of an assigned request. */
    void assigned(Visits.Row visit, boolean changed) {
        ZoneId zone = clinics.timezone(visit.clinicId());
        Object[] when = {
            DATE.format(visit.day()),
            TIME.format(visit.windowFrom().atZone(zone)),
            TIME.format(visit.windowTo().atZone(zone))
        };
        String what = changed ? "changed" : "assigned";
        tell(
                visit,
                what,
                when,
                "home-visit-" + what + ":" + visit.id() + ":" + visit.windowFrom() + ":" + visit.windowTo() + ":"
                        + visit.doctorId().value());
    }

    void cancelledByClinic(Visits.Row visit) {
        tell(visit, "cancelled", new Object[] {DATE.format(visit.day())}, "home-visit-cancelled:" + visit.id());
    }

    private void tell(Visits.Row visit, String what, Object[] arguments, String key) {
        UserId told = representation.toldAbout(visit.patientId(), visit.askedBy());
        if (told == null) {
            return;
        }
        // In the language the person chose to be told in (Russian unless they chose English).
        Locale language = notifications.language(told);
        String title = messages.getMessage("homevisit.notice." + what + ".title", null, language);
        String text = messages.getMessage("homevisit.notice." + what + ".text", arguments, language);
        Contact contact = identity.contact(told).orElse(new Contact(null, null));
        notifications.tell(told, contact, new Message(title, text, publicUrl.of("/home-visits")), key);
    }
}
