package org.medkarta.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 content addresses of the file store. */
final class Checksums {

    private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{64}");

    private Checksums() {}

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether the text can be an address; anything else never reaches a path or a key. */
    static boolean isAddress(String text) {
        return text != null && ADDRESS.matcher(text).matches();
    }
}
