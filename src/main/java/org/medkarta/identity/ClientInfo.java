package org.medkarta.identity;

/** Where a request came from, for limits and the sign-in history. */
public record ClientInfo(String address, String userAgent) {

    public ClientInfo {
        address = address == null ? "unknown" : truncate(address, 64);
        userAgent = userAgent == null ? "" : truncate(userAgent, 300);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
