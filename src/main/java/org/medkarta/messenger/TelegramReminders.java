package org.medkarta.messenger;

import java.time.Clock;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.AppointmentReminderDue;
import org.medkarta.scheduling.AppointmentStatus;
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
    private final AppointmentReading appointmentReading;
    private final Clock clock;

    TelegramReminders(
            ChatLinks links,
            TelegramConversation conversation,
            TelegramApi api,
            AppointmentReading appointmentReading,
            Clock clock) {
        this.links = links;
        this.conversation = conversation;
        this.api = api;
        this.appointmentReading = appointmentReading;
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
        var appointment = appointmentReading.appointment(actor.get(), due.appointmentId());
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
