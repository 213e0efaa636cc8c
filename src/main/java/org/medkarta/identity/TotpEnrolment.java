package org.medkarta.identity;

/** What a staff member needs to add Medkarta to an authenticator app. */
public record TotpEnrolment(String secret, String otpauthUri, String qrSvg) {}
