package org.medkarta.fhir;

import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code _sort} for the care resources, whose results come newest first: by the type's date
 * parameter, ascending ({@code _sort=date}) or descending ({@code _sort=-date}). Sorting by anything
 * else is refused with 400, never silently ignored.
 */
@Component
class CareSort {

    private final MessageSource messages;
    private final LocaleResolver locales;

    CareSort(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    <T> List<T> sorted(List<T> newestFirst, SortSpec sort, Set<String> dateParameters) {
        if (sort == null) {
            return newestFirst;
        }
        if (!dateParameters.contains(sort.getParamName()) || sort.getChain() != null) {
            var locale = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    ? locales.resolveLocale(attributes.getRequest())
                    : LocaleContextHolder.getLocale();
            String text = messages.getMessage(
                    "fhir.care.sort", new Object[] {sort.getParamName(), String.join(", ", dateParameters)}, locale);
            throw FhirErrors.failure(400, IssueType.NOTSUPPORTED, text, "unsupported-sort");
        }
        if (sort.getOrder() == SortOrderEnum.DESC) {
            return newestFirst;
        }
        var ascending = new ArrayList<>(newestFirst);
        Collections.reverse(ascending);
        return ascending;
    }
}
