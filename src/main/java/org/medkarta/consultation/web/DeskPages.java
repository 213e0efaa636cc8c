package org.medkarta.consultation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.consultation.ConsultationAttachments;
import org.medkarta.consultation.ConsultationDesk;
import org.medkarta.consultation.ConsultationPhoneCalls;
import org.medkarta.consultation.ConsultationRequests;
import org.medkarta.consultation.ConsultationRouting;
import org.medkarta.consultation.ConsultationState;
import org.medkarta.consultation.ConsultationView;
import org.medkarta.consultation.DeskFilter;
import org.medkarta.consultation.ProtocolForm;
import org.medkarta.consultation.ProtocolSigning;
import org.medkarta.consultation.ProtocolWriting;
import org.medkarta.consultation.ReferralForm;
import org.medkarta.consultation.RequestForm;
import org.medkarta.consultation.Upload;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The doctor's desk and the patient's same view of their own (seed 004: «Новые обращения» with
 * «Просроченные», «В работе», «Закрытые обращения»), the consultation page with the request, the
 * protocol form, the PDF, addenda and routing.
 */
@Controller
class DeskPages {

    static final List<ConsultationState> TABS = List.of(
            ConsultationState.NEW, ConsultationState.OVERDUE, ConsultationState.IN_WORK, ConsultationState.CLOSED);

    private final ConsultationDesk desk;
    private final ConsultationRouting routing;
    private final ConsultationRequests requests;
    private final ProtocolWriting protocols;
    private final ConsultationAttachments attachments;
    private final ConsultationPhoneCalls phoneCalls;
    private final ProtocolSigning signing;
    private final SlotSearch slotSearch;
    private final PageErrors errors;

    DeskPages(
            ConsultationDesk desk,
            ConsultationRouting routing,
            ConsultationRequests requests,
            ProtocolWriting protocols,
            ConsultationAttachments attachments,
            ConsultationPhoneCalls phoneCalls,
            ProtocolSigning signing,
            SlotSearch slotSearch,
            PageErrors errors) {
        this.desk = desk;
        this.routing = routing;
        this.requests = requests;
        this.protocols = protocols;
        this.attachments = attachments;
        this.phoneCalls = phoneCalls;
        this.signing = signing;
        this.slotSearch = slotSearch;
        this.errors = errors;
    }

    @GetMapping("/consultations")
    String desk(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String patient,
            Model model,
            Locale locale) {
        DeskFilter filter = DeskFilter.NONE;
        ConsultationState tab = ConsultationState.NEW;
        try {
            filter = DeskRequests.filter(date, channel, patient);
            if (state != null && !state.isBlank()) {
                tab = DeskRequests.state(state);
            }
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
        }
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", TABS);
        model.addAttribute("counts", desk.counts(user, filter));
        if (tab == ConsultationState.NEW) {
            // «В данном разделе отображаются "Просроченные обращения" и "Новые обращения"» (seed 004).
            model.addAttribute("overdue", desk.desk(user, ConsultationState.OVERDUE, filter));
        }
        model.addAttribute("consultations", desk.desk(user, tab, filter));
        model.addAttribute("date", date);
        model.addAttribute("channel", channel);
        model.addAttribute("patient", patient);
        model.addAttribute("referrals", routing.myReferrals(user));
        model.addAttribute("specialtyNames", specialtyNames());
        return "consultation/desk";
    }

    @GetMapping("/consultations/{id}")
    String consultation(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        return page(user, uuid(id), model);
    }

    private String page(SignedInUser user, UUID id, Model model) {
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
            model.addAttribute("specialties", slotSearch.specialties());
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

    @PostMapping("/consultations/{id}/take")
    String take(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        UUID consultation = uuid(id);
        try {
            requests.take(user, consultation);
            return "redirect:/consultations/" + consultation + "?taken";
        } catch (DomainException refused) {
            return refused(user, consultation, refused, "take", Map.of(), model, locale);
        }
    }

    @PostMapping("/consultations/{id}/request")
    String describe(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        UUID consultation = uuid(id);
        try {
            requests.describe(
                    user,
                    consultation,
                    new RequestForm(
                            form.getFirst("question"), form.getFirst("anamnesis"), form.getFirst("complaints")));
            return "redirect:/consultations/" + consultation + "?described";
        } catch (DomainException refused) {
            return refused(user, consultation, refused, "request", form.toSingleValueMap(), model, locale);
        }
    }

    @PostMapping("/consultations/{id}/protocol")
    String sendProtocol(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model,
            Locale locale) {
        UUID consultation = uuid(id);
        List<String> diagnoses = form.get("diagnoses") == null ? List.of() : form.get("diagnoses");
        try {
            protocols.sendProtocol(
                    user,
                    consultation,
                    new ProtocolForm(
                            form.getFirst("anamnesis"),
                            form.getFirst("recommendations"),
                            form.getFirst("additionalRecommendations"),
                            diagnoses),
                    uploads(files));
            return "redirect:/consultations/" + consultation + "?sent";
        } catch (DomainException refused) {
            model.addAttribute("chosenDiagnoses", new ArrayList<>(diagnoses));
            return refused(
                    user,
                    consultation,
                    refused,
                    "protocol",
                    form.toSingleValueMap(),
                    model,
                    locale,
                    Map.of("signature-required", "signing"));
        }
    }

    @PostMapping("/consultations/{id}/attachments")
    String attach(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            Locale locale) {
        UUID consultation = uuid(id);
        try {
            var upload = uploads(file == null ? List.of() : List.of(file));
            if (upload.isEmpty()) {
                throw new org.medkarta.shared.InvalidInput("file", "validation.required");
            }
            attachments.attach(user, consultation, upload.get(0));
            return "redirect:/consultations/" + consultation + "?attached";
        } catch (DomainException refused) {
            return refused(user, consultation, refused, "attachment", Map.of(), model, locale);
        }
    }

    @GetMapping("/consultations/{id}/files/{file}")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String file) {
        var content = attachments.file(user, uuid(id), uuid(file));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.file().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(content.file().name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content.content());
    }

    static List<Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        var uploads = new ArrayList<Upload>();
        for (var file : files) {
            if (file == null
                    || file.isEmpty()
                            && (file.getOriginalFilename() == null
                                    || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return uploads;
    }

    @PostMapping("/consultations/{id}/addenda")
    String addendum(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String text,
            Model model,
            Locale locale) {
        UUID consultation = uuid(id);
        try {
            protocols.addAddendum(user, consultation, text);
            return "redirect:/consultations/" + consultation + "?added";
        } catch (DomainException refused) {
            return refused(
                    user,
                    consultation,
                    refused,
                    "addendum",
                    text == null ? Map.of() : Map.of("text", text),
                    model,
                    locale);
        }
    }

    @GetMapping("/consultations/{id}/protocol.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        byte[] pdf = protocols.protocolPdf(user, uuid(id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"protocol-" + id + ".pdf\"")
                .body(pdf);
    }

    @PostMapping("/consultations/{id}/referrals")
    String refer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        UUID consultation = uuid(id);
        try {
            routing.refer(
                    user,
                    consultation,
                    new ReferralForm(
                            form.getFirst("specialty"),
                            form.getFirst("doctorId"),
                            form.getFirst("validUntil"),
                            form.getFirst("openEnded") != null,
                            form.getFirst("presumedDiagnosis"),
                            form.getFirst("reason")));
            return "redirect:/consultations/" + consultation + "?referred";
        } catch (DomainException refused) {
            return refused(user, consultation, refused, "referral", form.toSingleValueMap(), model, locale);
        }
    }

    /** The free slots of a doctor of the clinic, as options for the booking form (htmx). */
    @GetMapping("/consultations/{id}/slots")
    String slots(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String doctorId,
            Model model) {
        model.addAttribute(
                "slots",
                doctorId == null || doctorId.isBlank()
                        ? List.of()
                        : routing.routingSlots(user, uuid(id), new DoctorId(TypedId.parse(doctorId, "doctorId"))));
        model.addAttribute(
                "zone", slotSearch.zoneOf(requests.consultation(user, uuid(id)).clinicId()));
        return "consultation/fragments :: slot-options";
    }

    @PostMapping("/consultations/{id}/bookings")
    String book(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        UUID consultation = uuid(id);
        try {
            String slot = form.getFirst("slot");
            UUID slotId = null;
            UUID serviceId = null;
            if (slot != null && slot.contains(":")) {
                slotId = TypedId.parse(slot.substring(0, slot.indexOf(':')), "slotId");
                serviceId = TypedId.parse(slot.substring(slot.indexOf(':') + 1), "slotId");
            }
            routing.book(user, consultation, slotId, serviceId, form.getFirst("note"), request.getRemoteAddr());
            return "redirect:/consultations/" + consultation + "?booked";
        } catch (DomainException refused) {
            return refused(user, consultation, refused, "booking", form.toSingleValueMap(), model, locale);
        }
    }

    private String refused(
            SignedInUser user,
            UUID consultation,
            DomainException refused,
            String formName,
            Map<String, String> values,
            Model model,
            Locale locale) {
        return refused(user, consultation, refused, formName, values, model, locale, Map.of());
    }

    private String refused(
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

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException wrong) {
            throw new NotFound();
        }
    }

    /** For templates: whether a consultation is shown as overdue. */
    static boolean overdue(ConsultationView c) {
        return c.state() == ConsultationState.OVERDUE;
    }

    /** A referral names its specialty by code; a person reads its name in their language. */
    private Map<String, String> specialtyNames() {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        var names = new LinkedHashMap<String, String>();
        slotSearch.specialties().forEach(s -> names.put(s.code(), s.name(locale)));
        return names;
    }
}
