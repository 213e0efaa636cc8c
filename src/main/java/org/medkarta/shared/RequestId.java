package org.medkarta.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id of the request being served, which the web module takes from {@code X-Request-Id} (set by
 * the proxy in front, or by the client) or makes up, puts in the logging context under {@value
 * #MDC_KEY} for every log line of the request, returns in the response, and the audit module writes
 * beside each entry: one id follows a request from the proxy's access log through whichever node
 * served it into the audit trail.
 */
public final class RequestId {

    /** The header that carries the id in and out. */
    public static final String HEADER = "X-Request-Id";

    /** The logging context (MDC) key; JSON logs show it as a field of that name. */
    public static final String MDC_KEY = "requestId";

    /** What an id from outside may look like; anything else is replaced, never logged. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestId() {}

    /** The id given from outside when it looks like one, else a new random one. */
    public static String acceptOrCreate(String given) {
        return given != null && ACCEPTED.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }

    /** The id of the request this thread serves, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
