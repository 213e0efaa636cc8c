package org.medkarta.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/** A results search the server does not support (a token modifier, a sort), refused with 400 in the caller's language. */
@Component
class ResultsRefusals {

    private final MessageSource messages;
    private final LocaleResolver locales;

    ResultsRefusals(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    BaseServerResponseException unsupported(String key, Object... args) {
        var locale = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? locales.resolveLocale(attributes.getRequest())
                : LocaleContextHolder.getLocale();
        return FhirErrors.failure(
                400, IssueType.NOTSUPPORTED, messages.getMessage(key, args, locale), "unsupported-search");
    }
}
