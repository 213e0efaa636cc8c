package org.medkarta.messenger;

import java.io.Serializable;
import java.time.Instant;

/**
 * A one-time code that links a Telegram chat to the patient's account: eight letters and digits,
 * valid until {@code expiresAt}, used once.
 *
 * <p>Serializable: it waits in the stored session as a flash attribute until the page shows it.
 *
 * @param deepLink {@code https://t.me/<bot>?start=<code>}, or null when the bot's name is not set
 */
public record LinkCode(String code, Instant expiresAt, String deepLink) implements Serializable {}
