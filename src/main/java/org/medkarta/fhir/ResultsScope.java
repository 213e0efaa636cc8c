package org.medkarta.fhir;

import ca.uhn.fhir.rest.param.ReferenceParam;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.ClinicalResults;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Whose record a results request (Observation, DiagnosticReport, DocumentReference) may open: the
 * access module's policy point decides once per request, and that decision is the request's one
 * audit entry, as for the REST API's reads of the record.
 *
 * <p>A search names its record with {@code patient} or {@code subject}; without either it is the
 * caller's own. A record the caller may not open is searched as an empty one (the refusal is
 * audited), so a search never tells whether it exists; a read of one of its results answers 404.
 */
@Component
class ResultsScope {

    private final RecordAccess access;
    private final ClinicalResults results;
    private final MessageSource messages;
    private final LocaleResolver locales;

    ResultsScope(RecordAccess access, ClinicalResults results, MessageSource messages, LocaleResolver locales) {
        this.access = access;
        this.results = results;
        this.messages = messages;
        this.locales = locales;
    }

    /**
     * The decision to view the record a search names, or empty when the caller may not open it (or
     * {@code patient} and {@code subject} name different records, or something other than a patient).
     */
    Optional<AccessDecision> search(ReferenceParam patient, ReferenceParam subject, HttpServletRequest request) {
        SignedInUser caller = FhirCaller.required();
        Optional<String> named = patientId(patient);
        Optional<String> subjectId = patientId(subject);
        if ((patient != null && named.isEmpty()) || (subject != null && subjectId.isEmpty())) {
            return Optional.empty();
        }
        if (named.isPresent() && subjectId.isPresent() && !named.get().equals(subjectId.get())) {
            return Optional.empty();
        }
        PatientId record;
        var id = named.or(() -> subjectId);
        if (id.isPresent()) {
            try {
                record = new PatientId(UUID.fromString(id.get()));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        } else if (caller.patientId() != null) {
            record = caller.patientId();
        } else {
            String text = messages.getMessage("fhir.results.patient-required", null, locales.resolveLocale(request));
            throw FhirErrors.failure(400, IssueType.REQUIRED, text, "patient-required");
        }
        try {
            return Optional.of(access.require(caller, record, RecordAction.VIEW));
        } catch (NotFound hidden) {
            return Optional.empty();
        }
    }

    /**
     * The decision to view the record that holds the result read by id; 404 for an id that names
     * nothing, or a result of a record the caller may not open.
     */
    AccessDecision read(IIdType id) {
        SignedInUser caller = FhirCaller.required();
        UUID result = FhirIds.parse(id, uuid -> uuid);
        PatientId record = results.recordOf(result).orElseThrow(NotFound::new);
        return access.require(caller, record, RecordAction.VIEW);
    }

    /** The id part of a reference to a Patient: {@code Patient/<id>} or a bare id. */
    private static Optional<String> patientId(ReferenceParam reference) {
        if (reference == null || reference.getIdPart() == null) {
            return Optional.empty();
        }
        String type = reference.getResourceType();
        if (type != null && !"Patient".equals(type)) {
            return Optional.empty();
        }
        if (reference.getChain() != null && !reference.getChain().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(reference.getIdPart());
    }
}
