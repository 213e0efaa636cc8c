package org.medkarta.messenger.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.medkarta.messenger.TelegramUpdates;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Telegram's webhook (SPEC J4): the secret last segment of the path and the {@code
 * X-Telegram-Bot-Api-Secret-Token} header must both be the configured ones; otherwise, and whenever
 * the bot is off, a bare 404 that tells a prober nothing.
 */
@RestController
@Tag(name = "Messenger bot")
class TelegramWebhookApi {

    private final TelegramUpdates updates;

    TelegramWebhookApi(TelegramUpdates updates) {
        this.updates = updates;
    }

    /** One update from Telegram: 200 with no body once taken, a bare 404 for anyone else. */
    @PostMapping(value = "/api/v1/bot/telegram/{secret}")
    ResponseEntity<Void> update(
            @PathVariable String secret,
            @RequestHeader(value = "X-Telegram-Bot-Api-Secret-Token", required = false) String token,
            @RequestBody(required = false) String body) {
        if (body == null || !updates.webhook(secret, token, body)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().build();
    }
}
