package org.medkarta.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * What one page may do beyond the strict policy every page gets (SPEC G1): a page controller marks
 * its request, and the web module's header writers widen that page's {@code Permissions-Policy} and
 * {@code Content-Security-Policy} accordingly, for that response only. "Clinics near me" (SPEC B9)
 * asks the browser for the position and shows map tiles from the configured tile server.
 */
public final class PagePolicy {

    private static final String GEOLOCATION = PagePolicy.class.getName() + ".geolocation";
    private static final String IMAGES = PagePolicy.class.getName() + ".images";

    /** {@code https://tile.example.org}, {@code https://{s}.tile.example.org:8443} and the like. */
    private static final Pattern ORIGIN =
            Pattern.compile("^(https?://)(\\{s}\\.)?([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(:\\d{1,5})?(/.*)?$");

    private PagePolicy() {}

    /** This page may ask the browser for the position (still with the person's consent). */
    public static void allowGeolocation(HttpServletRequest request) {
        request.setAttribute(GEOLOCATION, Boolean.TRUE);
    }

    public static boolean geolocationAllowed(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(GEOLOCATION));
    }

    /**
     * This page may show images from the origin of a URL template such as {@code
     * https://tile.openstreetmap.org/{z}/{x}/{y}.png}; a template whose origin cannot be read adds
     * nothing.
     */
    public static void allowImagesFrom(HttpServletRequest request, String urlTemplate) {
        var origin = urlTemplate == null ? null : ORIGIN.matcher(urlTemplate.strip());
        if (origin != null && origin.matches()) {
            request.setAttribute(
                    IMAGES,
                    origin.group(1)
                            + (origin.group(2) == null ? "" : "*.")
                            + origin.group(3)
                            + (origin.group(4) == null ? "" : origin.group(4)));
        }
    }

    /** The extra image source of this page, with a leading space, or "". */
    public static String extraImageSources(HttpServletRequest request) {
        return request.getAttribute(IMAGES) instanceof String origin ? " " + origin : "";
    }
}
