package org.medkarta.consultation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.medkarta.conversation.ConversationRooms;
import org.medkarta.conversation.MessageSent;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.notification.Contact;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.Representation;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the patient's side of a consultation that the doctor wrote in the chat while they were not
 * in it (SPEC H2 «new chat message», issue 23): by the channels they chose, in their language, at
 * most once per consultation per {@link #WINDOW} so that a doctor typing ten lines sends one SMS.
 *
 * <p>The notice never carries the message: only that there is one, and a link. A message is not
 * worth telling about when whoever would be told has the chat open (a live WebSocket session on any
 * node subscribed to the room); a client that fell back to polling is not seen, so its person is
 * told, still no more often than the window allows.
 */
@Component
class ChatNotices {

    /** At most one notice per consultation in this long. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Requests requests;
    private final ConversationRooms conversations;
    private final Notifications notifications;
    private final AccountDirectory identity;
    private final Representation representation;
    private final PublicUrl publicUrl;
    private final JdbcClient jdbc;

    ChatNotices(
            Requests requests,
            ConversationRooms conversations,
            Notifications notifications,
            AccountDirectory identity,
            Representation representation,
            PublicUrl publicUrl,
            JdbcClient jdbc) {
        this.requests = requests;
        this.conversations = conversations;
        this.notifications = notifications;
        this.identity = identity;
        this.representation = representation;
        this.publicUrl = publicUrl;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(MessageSent sent) {
        tell(sent);
    }

    /** Tells the patient's side about the message if it is due; whether a notice went out. */
    @Transactional
    boolean tell(MessageSent sent) {
        var found = requests.find(sent.roomId().value());
        if (found.isEmpty()) {
            return false;
        }
        var consultation = found.get();
        // Only the doctor's messages to the patient: not the patient's own, nor a doctor-to-doctor chat.
        if (!consultation.patientTalks() || !sent.authorId().equals(consultation.doctorUserId())) {
            return false;
        }
        UserId told = representation.toldAbout(consultation.patientId(), consultation.patientUserId());
        if (told == null || told.equals(sent.authorId()) || conversations.watching(sent.roomId(), told)) {
            return false;
        }
        if (!claim(consultation.id(), sent.sentAt())) {
            return false;
        }
        notifications.tellInTheirLanguage(
                told,
                identity.contact(told).orElse(new Contact(null, null)),
                "consultation.notice.chat.title",
                "consultation.notice.chat.text",
                publicUrl.of("/consultations/" + consultation.id()),
                "chat-message:" + consultation.id() + ":" + sent.sentAt().toEpochMilli());
        return true;
    }

    /**
     * Claims the consultation's window from {@code sentAt}: true for exactly one of any number of
     * callers on any number of nodes, and only when the last notice is {@link #WINDOW} old. Never
     * read-then-write: the conditional UPDATE re-checks the row it locks (a second node waits for the
     * first and then finds the window taken), and the first notice of a consultation is an INSERT
     * that only one node wins. The message's own time decides, so an event redelivered late counts
     * when it was sent.
     */
    private boolean claim(UUID consultation, Instant sentAt) {
        int moved = jdbc.sql("""
                        UPDATE consultation_chat_notice SET notified_at = :sentAt
                        WHERE consultation_id = :id AND notified_at <= :due
                        """)
                .param("id", consultation)
                .param("sentAt", Columns.utc(sentAt))
                .param("due", Columns.utc(sentAt.minus(WINDOW)))
                .update();
        if (moved > 0) {
            return true;
        }
        return jdbc.sql("""
                                INSERT INTO consultation_chat_notice (consultation_id, notified_at)
                                VALUES (:id, :sentAt)
                                ON CONFLICT DO NOTHING
                                """)
                        .param("id", consultation)
                        .param("sentAt", Columns.utc(sentAt))
                        .update()
                > 0;
    }
}
