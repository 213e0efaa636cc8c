package org.medkarta.scheduling;

import java.util.Locale;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.notification.Contact;
import org.medkarta.notification.Message;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.UserId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells a patient in a walk-in queue (seed 002: they wait in the waiting area, not at the door)
 * when two patients are ahead of them and when they are called, by the channels they chose, in
 * their language, each notice once per ticket. The text names the number and the room only.
 */
@Component
class WalkInNotices {

    private final Notifications notifications;
    private final AccountDirectory identity;
    private final MessageSource messages;
    private final PublicUrl publicUrl;

    WalkInNotices(Notifications notifications, AccountDirectory identity, MessageSource messages, PublicUrl publicUrl) {
        this.notifications = notifications;
        this.identity = identity;
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    void near(WalkIns.Ticket ticket, String number) {
        tell(ticket, "near", number, null);
    }

    void called(WalkIns.Ticket ticket, String number, String room) {
        tell(ticket, "called", number, room);
    }

    private void tell(WalkIns.Ticket ticket, String kind, String number, String room) {
        UserId user = userOf(ticket.patientId());
        if (user == null) {
            return;
        }
        Locale language = notifications.language(user);
        Object[] args = {number, room};
        var message = new Message(
                messages.getMessage("scheduling.notice.walk-in." + kind + ".title", args, language),
                messages.getMessage("scheduling.notice.walk-in." + kind + ".text", args, language),
                publicUrl.of("/walk-in/tickets/" + ticket.id()));
        notifications.tell(
                user,
                identity.contact(user).orElse(new Contact(null, null)),
                message,
                "walk-in-" + kind + ":" + ticket.id());
    }

    private UserId userOf(PatientId patient) {
        return identity.patient(patient).map(account -> account.userId()).orElse(null);
    }
}
