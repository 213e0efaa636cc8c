/**
 * The messenger bot (SPEC J4, issue 20; seed 002 «Записаться через Telegram bot»): a Telegram bot
 * that a patient links to their account with a one-time code from their account page (never a
 * phone number typed into the chat), then books, moves and cancels their appointments through the
 * scheduling module's facade and rules, exactly as the pages do, and receives the reminders the
 * scheduling module sends ({@link org.medkarta.scheduling.AppointmentReminderDue}) in the chat as
 * well. It speaks Russian, English when the Telegram user's language is English, and never shows
 * more than an appointment's time, doctor and place.
 *
 * <p>Telegram reaches the app by webhook ({@code POST /api/v1/bot/telegram/{secret}} with the
 * {@code X-Telegram-Bot-Api-Secret-Token} header) or, in development, by long polling; the bot
 * speaks to the Bot API through the {@code com.github.pengrad:java-telegram-bot-api} client (ADR
 * 0014). It keeps the links (chat to account), the codes and which reminders it sent; nothing of the
 * medical record.
 */
@ApplicationModule(displayName = "Messenger bot")
package org.medkarta.messenger;

import org.springframework.modulith.ApplicationModule;
