package org.medkarta.clinic.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.medkarta.clinic.DocumentKind;
import org.medkarta.shared.NotFound;

/** What the clinic pages and API read off a request. */
final class Requests {

    private Requests() {}

    static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** {@code offer} or {@code consent} in a path; anything else is a page that does not exist. */
    static DocumentKind documentKind(String path) {
        try {
            return DocumentKind.valueOf(path.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }
}
