package org.medkarta.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.medkarta.identity.ClientInfo;

/** What the identity pages and API read off a request. */
final class Clients {

    private Clients() {}

    /** The client's address (behind a proxy, as the forwarded headers tell) and browser. */
    static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
