package org.medkarta.signature;

import java.util.UUID;

/**
 * A signed document reserved before its PDF is rendered, so the PDF can carry the QR code of its
 * own verification page.
 *
 * @param token the secret the QR code carries (never shown elsewhere)
 * @param verifyUrl the absolute URL of {@code /signatures/verify?document=<id>&token=<token>}
 */
public record SignedDocumentRef(UUID id, String token, String verifyUrl) {}
