package org.medkarta.messenger;

import com.pengrad.telegrambot.utility.BotUtils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.medkarta.shared.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Where Telegram's updates come in (SPEC J4): the webhook, checked by its secret path segment and
 * the {@code X-Telegram-Bot-Api-Secret-Token} header, or long polling in development, by {@code
 * medkarta.messenger.telegram.mode}. In webhook mode the app registers its webhook at start.
 */
@Service
public class TelegramUpdates {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

    private final MessengerProperties.Telegram settings;
    private final TelegramApi api;
    private final TelegramConversation conversation;
    private final PublicUrl publicUrl;

    TelegramUpdates(
            MessengerProperties properties, TelegramApi api, TelegramConversation conversation, PublicUrl publicUrl) {
        this.settings = properties.telegram();
        this.api = api;
        this.conversation = conversation;
        this.publicUrl = publicUrl;
    }

    /**
     * Takes one webhook call: false (the caller answers a bare 404) unless the bot runs in webhook
     * mode and both the path's secret and the header's token are the configured ones.
     */
    public boolean webhook(String pathSecret, String secretToken, String body) {
        if (settings.mode() != MessengerProperties.Mode.WEBHOOK
                || !settings.configured()
                || !same(settings.webhookPath(), pathSecret)
                || !same(settings.secretToken(), secretToken)) {
            return false;
        }
        try {
            conversation.handle(BotUtils.parseUpdate(body));
        } catch (RuntimeException unreadable) {
            // Telegram would deliver a broken update again and again: it is dropped, the log says so.
            log.warn(
                    "Dropped a Telegram update that could not be handled: {}",
                    unreadable.getClass().getSimpleName());
        }
        return true;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.configured()) {
            return;
        }
        if (settings.mode() == MessengerProperties.Mode.POLLING) {
            api.poll(updates -> updates.forEach(update -> {
                try {
                    conversation.handle(update);
                } catch (RuntimeException failed) {
                    log.warn("A Telegram update failed: {}", failed.getClass().getSimpleName());
                }
            }));
        } else if (settings.registerWebhook() && settings.webhookPath() != null) {
            api.registerWebhook(publicUrl.of("/api/v1/bot/telegram/" + settings.webhookPath()), settings.secretToken());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (settings.mode() == MessengerProperties.Mode.POLLING && settings.configured()) {
            api.stop();
        }
    }

    private static boolean same(String expected, String given) {
        if (expected == null || expected.isBlank() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
