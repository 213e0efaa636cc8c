package org.medkarta.consultation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.consultation.ProtocolForm;
import org.medkarta.consultation.ProtocolWriting;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
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

/** The consultation's protocol from the consultation page (SPEC D7, D8): sending it, addenda and its PDF. */
@Controller
class ConsultationProtocolPages {

    private final ProtocolWriting protocols;
    private final ConsultationPage page;

    ConsultationProtocolPages(ProtocolWriting protocols, ConsultationPage page) {
        this.protocols = protocols;
        this.page = page;
    }

    @PostMapping("/consultations/{id}/protocol")
    String sendProtocol(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model,
            Locale locale) {
        UUID consultation = DeskPages.uuid(id);
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
                    DeskPages.uploads(files));
            return "redirect:/consultations/" + consultation + "?sent";
        } catch (DomainException refused) {
            model.addAttribute("chosenDiagnoses", new ArrayList<>(diagnoses));
            return page.refused(
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

    @PostMapping("/consultations/{id}/addenda")
    String addendum(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String text,
            Model model,
            Locale locale) {
        UUID consultation = DeskPages.uuid(id);
        try {
            protocols.addAddendum(user, consultation, text);
            return "redirect:/consultations/" + consultation + "?added";
        } catch (DomainException refused) {
            return page.refused(
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
        byte[] pdf = protocols.protocolPdf(user, DeskPages.uuid(id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"protocol-" + id + ".pdf\"")
                .body(pdf);
    }
}
