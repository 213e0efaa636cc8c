package org.medkarta.record.web;

import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.Relation;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.springframework.ui.Model;

/** What every record page shows around its content: whose record, the switch between records, whether a clinician reads. */
final class RecordPageFrame {

    private RecordPageFrame() {}

    static void add(Model model, RecordAccess access, SignedInUser user, AccessDecision decision) {
        model.addAttribute("patientId", decision.patient().value());
        model.addAttribute("relation", decision.relation().name());
        model.addAttribute("mayDownload", decision.mayDownload());
        model.addAttribute("records", access.records(user));
        model.addAttribute(
                "clinician",
                user.has(Role.DOCTOR)
                        && (decision.relation() == Relation.CLINICIAN || decision.relation() == Relation.EMERGENCY));
    }
}
