package org.medkarta.messenger;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.UpdatesListener;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.request.SetWebhook;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Bot API methods the bot uses, through the {@code java-telegram-bot-api} client (ADR 0014):
 * {@code sendMessage}, {@code answerCallbackQuery}, {@code setWebhook} and {@code getUpdates} for
 * long polling. The log names the method and Telegram's answer, never a message's text or a chat.
 */
@Component
class TelegramApi {

    private static final Logger log = LoggerFactory.getLogger(TelegramApi.class);

    private final MessengerProperties.Telegram settings;
    private volatile TelegramBot bot;

    TelegramApi(MessengerProperties properties) {
        this.settings = properties.telegram();
    }

    private TelegramBot bot() {
        var current = bot;
        if (current == null) {
            synchronized (this) {
                if (bot == null) {
                    String base = settings.apiUrl().endsWith("/")
                            ? settings.apiUrl().substring(0, settings.apiUrl().length() - 1)
                            : settings.apiUrl();
                    bot = new TelegramBot.Builder(settings.token())
                            .apiUrl(base + "/bot")
                            .build();
                }
                current = bot;
            }
        }
        return current;
    }

    /** Sends a message to the chat, with buttons when {@code keyboard} is not null; false when refused. */
    boolean send(long chat, String text, InlineKeyboardMarkup keyboard) {
        if (!settings.configured()) {
            return false;
        }
        var request = new SendMessage(chat, text);
        if (keyboard != null) {
            request.replyMarkup(keyboard);
        }
        var answer = bot().execute(request);
        if (answer == null || !answer.isOk()) {
            log.warn(
                    "Telegram refused sendMessage: {} {}",
                    answer == null ? "no answer" : answer.errorCode(),
                    answer == null ? "" : answer.description());
            return false;
        }
        return true;
    }

    /** Stops the client's spinner on a pressed button. */
    void answer(String callbackQueryId) {
        if (settings.configured()) {
            bot().execute(new AnswerCallbackQuery(callbackQueryId));
        }
    }

    /** Tells Telegram where to post updates and which secret to send with them. */
    boolean registerWebhook(String url, String secretToken) {
        var request = new SetWebhook().url(url).allowedUpdates("message", "callback_query");
        if (secretToken != null && !secretToken.isBlank()) {
            request.secretToken(secretToken);
        }
        var answer = bot().execute(request);
        if (answer == null || !answer.isOk()) {
            log.warn("Telegram refused setWebhook: {}", answer == null ? "no answer" : answer.description());
            return false;
        }
        return true;
    }

    /** Long polling: the client asks for updates in a thread of its own and hands each batch over. */
    void poll(Consumer<List<Update>> handler) {
        bot().setUpdatesListener(
                        updates -> {
                            handler.accept(updates);
                            return UpdatesListener.CONFIRMED_UPDATES_ALL;
                        },
                        failure -> log.warn("Telegram long polling failed: {}", failure.getMessage()));
    }

    void stop() {
        var current = bot;
        if (current != null) {
            current.removeGetUpdatesListener();
            current.shutdown();
        }
    }
}
