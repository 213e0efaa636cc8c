package org.medkarta.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.medkarta.shared.AnonymousAttempts;
import org.medkarta.shared.DomainException;
import org.medkarta.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Every refusal at {@code /fhir} as an OperationOutcome (ADR 0004): a domain refusal with the status
 * and the text in the caller's language that the REST API gives it, and its problem name as the
 * issue's {@code details} coding; HAPI's own refusals (a malformed body, an unknown parameter) as HAPI
 * words them; anything unexpected as a 500 that says nothing about the inside.
 */
@Component
@Interceptor
class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    private final Problems problems;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectProvider<AnonymousAttempts> attempts;

    FhirErrors(
            Problems problems,
            MessageSource messages,
            LocaleResolver locales,
            ObjectProvider<AnonymousAttempts> attempts) {
        this.problems = problems;
        this.messages = messages;
        this.locales = locales;
        this.attempts = attempts;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    BaseServerResponseException translate(Throwable thrown, HttpServletRequest request) {
        Locale locale = locales.resolveLocale(request);
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException refusal) {
                var problem = problems.of(refusal, locale);
                return failure(problem.getStatus(), issueType(refusal.kind()), problem.getDetail(), refusal.problem());
            }
        }
        if (thrown instanceof AuthenticationException) {
            // Audited as the REST API audits an anonymous attempt at a record (G1).
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            attempts.forEach(
                    port -> port.refused(request.getMethod(), path, namedPatient(request), request.getRemoteAddr()));
            var failure = failure(
                    401,
                    IssueType.LOGIN,
                    problems.of(HttpStatus.UNAUTHORIZED, locale).getDetail(),
                    "unauthorized");
            failure.addResponseHeader("WWW-Authenticate", "Bearer");
            return failure;
        }
        if (thrown instanceof DataFormatException malformed) {
            return failure(400, IssueType.STRUCTURE, malformed.getMessage(), "malformed-request");
        }
        if (thrown instanceof BaseServerResponseException answer && !(thrown instanceof InternalErrorException)) {
            if (answer.getOperationOutcome() == null) {
                answer.setOperationOutcome(outcome(issueType(answer.getStatusCode()), answer.getMessage(), null));
            }
            return answer;
        }
        log.error("FHIR request failed", thrown);
        String text = messages.getMessage("problem.internal-error", null, "Internal server error", locale);
        return failure(HttpStatus.INTERNAL_SERVER_ERROR.value(), IssueType.EXCEPTION, text, "internal-error");
    }

    /** The patient a search names ({@code patient}, {@code subject}, a Patient search's {@code _id}). */
    private static String namedPatient(HttpServletRequest request) {
        for (String name : new String[] {"patient", "subject", "beneficiary", "_id"}) {
            String value = request.getParameter(name);
            if (value != null && (!"_id".equals(name) || request.getRequestURI().endsWith("/Patient"))) {
                return value.substring(value.lastIndexOf('/') + 1);
            }
        }
        return null;
    }

    /** A failure answered with {@code status} and an OperationOutcome of one error issue. */
    static BaseServerResponseException failure(int status, IssueType type, String text, String problem) {
        var failure = new UnclassifiedServerFailureException(status, text);
        failure.setOperationOutcome(outcome(type, text, problem));
        return failure;
    }

    static OperationOutcome outcome(IssueType type, String text, String problem) {
        var outcome = new OperationOutcome();
        var issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(text);
        if (problem != null) {
            var details = new CodeableConcept().setText(text);
            details.addCoding().setSystem(Systems.PROBLEM).setCode(problem);
            issue.setDetails(details);
        }
        return outcome;
    }

    private static IssueType issueType(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> IssueType.INVALID;
            case UNAUTHORIZED -> IssueType.LOGIN;
            case FORBIDDEN -> IssueType.FORBIDDEN;
            case NOT_FOUND -> IssueType.NOTFOUND;
            case CONFLICT -> IssueType.CONFLICT;
            case GONE -> IssueType.DELETED;
            case LOCKED -> IssueType.LOCKERROR;
            case TOO_MANY_REQUESTS -> IssueType.THROTTLED;
            case UNAVAILABLE -> IssueType.TRANSIENT;
        };
    }

    private static IssueType issueType(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 405, 501 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 410 -> IssueType.DELETED;
            default -> IssueType.PROCESSING;
        };
    }
}
