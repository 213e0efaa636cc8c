package org.medkarta.consultation.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.consultation.ConsultationAttachments;
import org.medkarta.consultation.ConsultationPhoneCalls;
import org.medkarta.consultation.ConsultationRequests;
import org.medkarta.consultation.ConsultationRouting;
import org.medkarta.consultation.ConsultationState;
import org.medkarta.consultation.ProtocolSigning;
import org.medkarta.consultation.ProtocolWriting;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DomainException;
import org.medkarta.web.PageErrors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The consultation page the consultation controllers render (seed 004): the request, the protocol
 * form or the protocol with its PDF, addenda, files, calls and routing; after a refused form, the
 * same page with the form's values and errors. Not a controller itself: each feature's controller
 * ({@link DeskPages}, {@link ConsultationProtocolPages}, {@link ConsultationFilePages}, {@link
 * ConsultationRoutingPages}) shows it.
 */
@Component
class ConsultationPage {

    private final ConsultationRouting routing;
    private final ConsultationRequests requests;
    private final ProtocolWriting protocols;
    private final ConsultationAttachments attachments;
    private final ConsultationPhoneCalls phoneCalls;
    private final ProtocolSigning signing;
    private final SlotSearch scheduling;
    private final PageErrors errors;

    ConsultationPage(
            ConsultationRouting routing,
            ConsultationRequests requests,
            ProtocolWriting protocols,
            ConsultationAttachments attachments,
            ConsultationPhoneCalls phoneCalls,
            ProtocolSigning signing,
            SlotSearch scheduling,
            PageErrors errors) {
        this.routing = routing;
        this.requests = requests;
        this.protocols = protocols;
        this.attachments = attachments;
        this.phoneCalls = phoneCalls;
        this.signing = signing;
        this.scheduling = scheduling;
        this.errors = errors;
    }

    /** The consultation page: the request, its protocol or the protocol form, files, calls and routing. */
    String page(SignedInUser user, UUID id, Model model) {
        var consultation = requests.consultation(user, id);
        model.addAttribute("c", consultation);
        var protocol = protocols.protocol(user, id).orElse(null);
        model.addAttribute("protocol", protocol);
        model.addAttribute(
                "signature",
                protocol == null ? null : signing.signature(user, id).orElse(null));
        if (protocol == null
                && consultation.doctorUserId().equals(user.userId())
                && consultation.state() == ConsultationState.IN_WORK) {
            // The protocol editor offers signing (issue 16): on the doctor's token, or with their key
            // on the server when they have one.
            model.addAttribute("signatureRequired", signing.signatureRequired(user, id));
            model.addAttribute("hasSnils", signing.hasSnils(user));
            model.addAttribute(
                    "serverCertificate", signing.serverCertificate(user).orElse(null));
        }
        model.addAttribute("isDoctor", consultation.doctorUserId().equals(user.userId()));
        model.addAttribute("talks", requests.talksIn(user, id));
        model.addAttribute("room", requests.room(user, id).orElse(null));
        model.addAttribute("attachments", attachments.attachments(user, id));
        model.addAttribute("calls", requests.calls(user, id));
        // «Позвонить пациенту» (SPEC D6): the doctor holding it in work, when a gateway is set up.
        model.addAttribute("phoneCallOffered", phoneCalls.offered(user, id));
        model.addAttribute("phoneCall", phoneCalls.latest(user, id).orElse(null));
        model.addAttribute("hasCallPhone", phoneCalls.doctorHasPhone(user));
        model.addAttribute("describes", requests.describes(user, id));
        model.addAttribute("referrals", routing.referrals(user, id));
        model.addAttribute("specialtyNames", specialtyNames());
        if (consultation.doctorUserId().equals(user.userId())) {
            model.addAttribute("dictionaryEmpty", protocols.diagnosisDictionaryEmpty());
        }
        boolean routes = consultation.doctorUserId().equals(user.userId())
                && (consultation.state() == ConsultationState.IN_WORK
                        || consultation.state() == ConsultationState.CLOSED);
        model.addAttribute("routes", routes);
        if (routes) {
            model.addAttribute("specialties", scheduling.specialties());
            model.addAttribute("colleagues", routing.routingDoctors(user, id));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "consultation/consultation";
    }

    /** The consultation page again, with the refused form's values and what was wrong with them. */
    String refused(
            SignedInUser user,
            UUID consultation,
            DomainException refused,
            String formName,
            Map<String, String> values,
            Model model,
            Locale locale) {
        return refused(user, consultation, refused, formName, values, model, locale, Map.of());
    }

    String refused(
            SignedInUser user,
            UUID consultation,
            DomainException refused,
            String formName,
            Map<String, String> values,
            Model model,
            Locale locale,
            Map<String, String> fieldOfProblem) {
        var byField = new LinkedHashMap<String, String>(errors.of(refused, locale, fieldOfProblem));
        model.addAttribute("errors", byField);
        model.addAttribute("failedForm", formName);
        model.addAttribute("form", values);
        return page(user, consultation, model);
    }

    /** A referral names its specialty by code; a person reads its name in their language. */
    Map<String, String> specialtyNames() {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        var names = new LinkedHashMap<String, String>();
        scheduling.specialties().forEach(s -> names.put(s.code(), s.name(locale)));
        return names;
    }
}
