package org.medkarta.identity;

/** The platform terms a registration accepts: the version to send as {@code termsVersion}, and their text. */
public record Terms(String version, String text) {}
