package org.medkarta.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A search parameter nobody declared is refused with 400 and an OperationOutcome that names it and
 * the ones that are supported, never silently ignored: a client that filters by something Medkarta
 * does not know would otherwise get more than it asked for. With {@code Prefer: handling=lenient}
 * (FHIR R4, 3.1.1.5.5 "Handling Errors") unknown parameters are dropped instead. Chained parameters
 * ({@code subject.name}) and {@code _has} are unknown unless a provider declares them.
 */
@Component
@Interceptor
class StrictSearch {

    /** Parameters about the result, not the search, that HAPI itself answers for every type. */
    static final Set<String> RESULT_PARAMETERS =
            Set.of("_format", "_pretty", "_summary", "_elements", "_getpages", "_getpagesoffset", "_bundletype");

    private final Map<String, Set<String>> known = new HashMap<>();
    private final Set<String> open = new java.util.HashSet<>();
    private final MessageSource messages;
    private final LocaleResolver locales;

    StrictSearch(List<IResourceProvider> providers, MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
        for (var provider : providers) {
            known.put(provider.getResourceType().getSimpleName(), declared(provider.getClass()));
            if (provider instanceof PublicResource) {
                open.add(provider.getResourceType().getSimpleName());
            }
        }
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    void check(RequestDetails details, HttpServletRequest request) {
        if (details.getResourceName() != null
                && known.containsKey(details.getResourceName())
                && !open.contains(details.getResourceName())) {
            FhirCaller.required();
        }
        if (!isSearch(details) || !known.containsKey(details.getResourceName())) {
            return;
        }
        Set<String> supported = known.get(details.getResourceName());
        var kept = new LinkedHashMap<String, String[]>();
        for (var parameter : details.getParameters().entrySet()) {
            String name = parameter.getKey();
            if (RESULT_PARAMETERS.contains(name) || supported.contains(base(name))) {
                kept.put(name, parameter.getValue());
            } else if (!lenient(request)) {
                Locale locale = locales.resolveLocale(request);
                String text = messages.getMessage(
                        "fhir.unknown-parameter",
                        new Object[] {name, details.getResourceName(), String.join(", ", supported)},
                        locale);
                throw FhirErrors.failure(400, IssueType.NOTSUPPORTED, text, "unknown-search-parameter");
            }
        }
        if (kept.size() != details.getParameters().size()) {
            details.setParameters(kept);
        }
    }

    /** Every parameter name the type's {@code @Search} methods take, without modifiers. */
    static Set<String> declared(Class<?> provider) {
        var names = new TreeSet<String>();
        for (var method : provider.getMethods()) {
            if (!method.isAnnotationPresent(Search.class)) {
                continue;
            }
            for (Annotation[] annotations : method.getParameterAnnotations()) {
                for (Annotation annotation : annotations) {
                    if (annotation instanceof RequiredParam required) {
                        names.add(required.name());
                    } else if (annotation instanceof OptionalParam optional) {
                        names.add(optional.name());
                    } else if (annotation instanceof IncludeParam include) {
                        names.add(include.reverse() ? "_revinclude" : "_include");
                    } else if (annotation instanceof Sort) {
                        names.add("_sort");
                    } else if (annotation instanceof Count) {
                        names.add("_count");
                    } else if (annotation instanceof Offset) {
                        names.add("_offset");
                    }
                }
            }
        }
        return names;
    }

    private static boolean isSearch(RequestDetails details) {
        if (details.getResourceName() == null || details.getId() != null) {
            return false;
        }
        return details.getRequestType() == RequestTypeEnum.GET
                ? details.getOperation() == null
                : details.getRequestType() == RequestTypeEnum.POST && "_search".equals(details.getOperation());
    }

    /** {@code family:exact} → {@code family}; a chain ({@code subject.name}) stays whole, so unknown. */
    private static String base(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static boolean lenient(HttpServletRequest request) {
        var prefer = request.getHeaders("Prefer");
        while (prefer.hasMoreElements()) {
            if (prefer.nextElement().replace(" ", "").toLowerCase(Locale.ROOT).contains("handling=lenient")) {
                return true;
            }
        }
        return false;
    }
}
