package org.medkarta.messenger;

import java.time.Instant;

/** The Telegram chat an account is linked to, as the account page shows it. */
public record TelegramLink(Instant linkedAt, String language) {}
