package org.medkarta.messenger;

import java.time.Clock;
import org.medkarta.scheduling.AppointmentReminderDue;
import org.medkarta.scheduling.AppointmentStatus;
import org.medkarta.scheduling.Scheduling;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reminders in the chat (SPEC J4, C8): each reminder the scheduling module sends by SMS, e-mail and
 * notice also goes to the Telegram chat linked to the account told about the appointment, once per
 * appointment, kind and start (the event may be handled again after a crash), with the time, the
 * doctor and the place only.
 */
@Component
class TelegramReminders {

    private final ChatLinks links;
    private final TelegramConversation conversation;
    private final TelegramApi api;
    private final Scheduling scheduling;
    private final Clock clock;

    TelegramReminders(
            ChatLinks links, TelegramConversation conversation, TelegramApi api, Scheduling scheduling, Clock clock) {
        this.links = links;
        this.conversation = conversation;
        this.api = api;
        this.scheduling = scheduling;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AppointmentReminderDue due) {
        var linked = links.byUser(due.told());
        if (linked.isEmpty()) {
            return;
        }
        var actor = conversation.actorOf(linked.get());
        if (actor.isEmpty()) {
            return;
        }
        var appointment = scheduling.appointment(actor.get(), due.appointmentId());
        if (appointment.status() != AppointmentStatus.BOOKED
                || !appointment.start().equals(due.start())) {
            return;
        }
        if (!links.reminded(due.appointmentId(), due.kind(), due.start(), clock.instant())) {
            return;
        }
        var language = TelegramConversation.languageOf(linked.get().language());
        api.send(
                linked.get().chatId(),
                conversation.text(
                        language, "messenger.bot.reminder", conversation.describe(actor.get(), appointment, language)),
                null);
    }
}
