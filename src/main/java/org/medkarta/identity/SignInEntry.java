package org.medkarta.identity;

import java.time.Instant;

/** One line of a user's sign-in history (SPEC A7). */
public record SignInEntry(Instant at, String address, String userAgent, String method, String outcome) {}
