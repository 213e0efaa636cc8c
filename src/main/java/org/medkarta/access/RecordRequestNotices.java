package org.medkarta.access;

import java.util.Locale;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.notification.Contact;
import org.medkarta.notification.Message;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.PublicUrl;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the requester of each change of their record-access request (SPEC E0: «пациент уведомляется
 * о каждом изменении»), by the channels they chose, through the outbox in the caller's transaction:
 * a change that rolls back tells nobody. One notice per request and state (idempotency key).
 */
@Component
class RecordRequestNotices {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final Notifications notifications;
    private final AccountDirectory identity;
    private final MessageSource messages;
    private final PublicUrl publicUrl;

    RecordRequestNotices(
            Notifications notifications, AccountDirectory identity, MessageSource messages, PublicUrl publicUrl) {
        this.notifications = notifications;
        this.identity = identity;
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    void changed(RecordRequestStore.Row request, RecordRequestState state, String clinicName, String reason) {
        String what = state.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String title = messages.getMessage("access.request.notice." + what + ".title", null, RUSSIAN);
        String text = messages.getMessage(
                "access.request.notice." + what + ".text",
                new Object[] {clinicName, reason == null ? "" : reason},
                RUSSIAN);
        Contact contact = identity.contact(request.account()).orElse(new Contact(null, null));
        notifications.tell(
                request.account(),
                contact,
                new Message(title, text, publicUrl.of("/access/record-requests")),
                "record-request:" + request.id() + ":" + state.name());
    }
}
