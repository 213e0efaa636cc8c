package org.medkarta.messenger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medkarta.messenger.*}: the Telegram bot (SPEC J4).
 *
 * @param telegram the bot's settings
 * @param linkCodeValidity how long a link code from the account page may be sent to the bot
 */
@ConfigurationProperties("medkarta.messenger")
public record MessengerProperties(
        @DefaultValue Telegram telegram,
        @DefaultValue("10m") Duration linkCodeValidity) {

    /** How updates reach the app. */
    public enum Mode {
        /** No bot: the webhook answers 404 and nothing polls. */
        OFF,
        /** Telegram posts updates to {@code /api/v1/bot/telegram/{webhookPath}} (production). */
        WEBHOOK,
        /** The app asks Telegram for updates (development, no public address needed). */
        POLLING
    }

    /**
     * @param mode {@code off}, {@code webhook} or {@code polling}
     * @param token the bot's token from BotFather
     * @param apiUrl the Bot API's address (a stand-in's in tests)
     * @param username the bot's name without {@code @}, for the {@code t.me} link beside the code
     * @param webhookPath the secret last segment of the webhook's path
     * @param secretToken what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
     * @param registerWebhook whether to call {@code setWebhook} with the public URL at start
     */
    public record Telegram(
            @DefaultValue("off") Mode mode,
            String token,
            @DefaultValue("https://api.telegram.org") String apiUrl,
            String username,
            String webhookPath,
            String secretToken,
            @DefaultValue("true") boolean registerWebhook) {

        boolean configured() {
            return mode != Mode.OFF && token != null && !token.isBlank();
        }
    }
}
