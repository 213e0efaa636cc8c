package org.medkarta.scheduling.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.identity.ClientInfo;
import org.medkarta.scheduling.WalkInQueues;
import org.medkarta.scheduling.WalkInTickets;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The kiosk at the clinic's entrance (seed 002: «талончик … в инфомате»): a touch-sized page on a
 * tablet where a patient takes a ticket after a code sent to their phone, or by their OMS policy
 * number and birth date. It keeps no session: each ticket is taken and the page starts over.
 */
@Controller
class WalkInKioskPages {

    private final WalkInQueues walkInQueues;
    private final WalkInTickets walkInTickets;
    private final PageErrors pageErrors;

    WalkInKioskPages(WalkInQueues walkInQueues, WalkInTickets walkInTickets, PageErrors pageErrors) {
        this.walkInQueues = walkInQueues;
        this.walkInTickets = walkInTickets;
        this.pageErrors = pageErrors;
    }

    @GetMapping("/walk-in/kiosk/{id}")
    String kiosk(@PathVariable String id, Model model) {
        return page(queue(id), "start", Map.of(), Map.of(), model);
    }

    @PostMapping("/walk-in/kiosk/{id}/code")
    String code(
            @PathVariable String id,
            @RequestParam(required = false) String phone,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        UUID queue = queue(id);
        try {
            walkInTickets.kioskCode(queue, phone, client(request), locale);
            return page(queue, "code", Map.of("phone", phone), Map.of(), model);
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            return page(
                    queue, "start", phone == null ? Map.of() : Map.of("phone", phone), errors(refused, locale), model);
        }
    }

    @PostMapping("/walk-in/kiosk/{id}/ticket")
    String ticket(
            @PathVariable String id,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String policy,
            @RequestParam(required = false) String birthDate,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        UUID queue = queue(id);
        boolean byPolicy = policy != null;
        try {
            var ticket = byPolicy
                    ? walkInTickets.kioskByPolicy(queue, policy, birthDate)
                    : walkInTickets.kioskByCode(queue, phone, code, client(request));
            model.addAttribute("ticket", ticket);
            return page(queue, "ticket", Map.of(), Map.of(), model);
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            var form = new java.util.HashMap<String, String>();
            if (phone != null) {
                form.put("phone", phone);
            }
            if (policy != null) {
                form.put("policy", policy);
                form.put("birthDate", birthDate == null ? "" : birthDate);
            }
            return page(queue, byPolicy ? "start" : "code", form, errors(refused, locale), model);
        }
    }

    private String page(UUID queue, String step, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("queue", walkInQueues.queue(queue));
        model.addAttribute("step", step);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "scheduling/walk-in-kiosk";
    }

    private Map<String, String> errors(DomainException refused, Locale locale) {
        var found = new java.util.HashMap<>(pageErrors.of(refused, locale));
        if (!found.containsKey("policy")
                && !found.containsKey("phone")
                && !found.containsKey("code")
                && !found.containsKey("birthDate")
                && !found.containsKey(PageErrors.FORM)) {
            found.put(PageErrors.FORM, pageErrors.message(refused, locale));
        }
        return found;
    }

    private static UUID queue(String id) {
        try {
            return TypedId.parse(id, "id");
        } catch (DomainException wrong) {
            throw new NotFound();
        }
    }

    private static ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
