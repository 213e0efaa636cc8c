package org.medkarta.audit.web;

import java.time.LocalDate;
import java.util.UUID;
import org.medkarta.audit.AuditTrail;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's audit page: search, CSV export and verification of the chain (SPEC G2, G3). */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AuditPages {

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String search(
            @RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        model.addAttribute("actorId", actorId);
        model.addAttribute("patientId", patientId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("entries", trail.search(actorId, patientId, AuditApi.start(from), AuditApi.end(to), 500));
        return "audit/search";
    }

    @PostMapping("/admin/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        model.addAttribute("entries", java.util.List.of());
        return "audit/search";
    }
}
