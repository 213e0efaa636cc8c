package org.medkarta.shared;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A refusal the domain gives on purpose: a taken slot, a wrong code, a record that is not yours.
 *
 * <p>Each exception names its {@link Kind} (which the web module maps to an HTTP status in one
 * place), a stable problem name that ends the ProblemDetail {@code type} URI (for example {@code
 * slot-taken}) and a message code that is shown to the person in their language.
 */
public abstract class DomainException extends RuntimeException {

    /** What sort of refusal this is; the web module owns the mapping to HTTP statuses. */
    public enum Kind {
        INVALID_INPUT,
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        GONE,
        LOCKED,
        TOO_MANY_REQUESTS,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String problem;
    private final String messageCode;
    private final Object[] messageArguments;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    protected DomainException(Kind kind, String problem, String messageCode, Object... messageArguments) {
        super(problem);
        this.kind = kind;
        this.problem = problem;
        this.messageCode = messageCode;
        this.messageArguments = messageArguments.clone();
    }

    /** Adds a machine-readable detail, such as {@code attemptsLeft}, to the problem. */
    @SuppressWarnings("unchecked")
    protected final <T extends DomainException> T with(String name, Object value) {
        properties.put(name, value);
        return (T) this;
    }

    /**
     * Tells the client when it may try again (the {@code Retry-After} header), in whole seconds
     * rounded up: a refusal that says "try again in 0 s" would be refused again (issue 12, finding 6).
     */
    @SuppressWarnings("unchecked")
    protected final <T extends DomainException> T retryAfter(Duration wait) {
        this.retryAfter = Duration.ofSeconds(wholeSecondsUp(wait));
        return (T) this;
    }

    /** A wait in whole seconds, rounded up and never below one: what a person or client is told. */
    public static long wholeSecondsUp(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public Kind kind() {
        return kind;
    }

    public String problem() {
        return problem;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
