package org.medkarta.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the container sends every error that was not answered in place: a localised page for
 * people, a ProblemDetail for {@code /api/**} (errors raised before MVC, such as a refused
 * request in the security filters). Neither ever shows a stack trace or exception text.
 */
@Controller
class ErrorPages implements ErrorController {

    /** The statuses the message bundles name ({@code status.<code>}). */
    private static final Set<Integer> NAMED =
            Set.of(400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 422, 423, 429, 500, 503);

    private final Problems problems;
    private final JsonMapper json;

    ErrorPages(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        var status = statusOf(request);
        var path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (Problems.isApiPath(
                path == null ? null : path.substring(request.getContextPath().length()))) {
            Problems.write(response, problems.of(status, locale), json);
            return null;
        }
        // One status for one error: the page names the status the response carries (issue 13).
        int shown = NAMED.contains(status.value()) ? status.value() : status.is4xxClientError() ? 400 : 500;
        int explained = switch (shown) {
            case 403, 404 -> shown;
            default -> shown < 500 ? 400 : 500;
        };
        var model = new java.util.HashMap<String, Object>();
        model.put("status", shown);
        model.put("explained", explained);
        // The field a person's text could not be stored in (StorableInput), to name on the page.
        model.put("field", shown == 422 ? request.getAttribute(StorableInput.REFUSED_FIELD) : null);
        return new ModelAndView("web/error", model, status);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
