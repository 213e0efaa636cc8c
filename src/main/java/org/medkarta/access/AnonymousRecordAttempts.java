package org.medkarta.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.medkarta.audit.AuditEntry;
import org.medkarta.audit.AuditTrail;
import org.medkarta.shared.AnonymousAttempts;
import org.medkarta.shared.PatientId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Records anonymous attempts at record data (issue 7: every request about a record leaves exactly
 * one entry, anonymous ones included). Spring Security refuses them with 401 or a redirect to
 * sign-in before {@link RecordAccess} runs, so this is their only entry; a signed-in request never
 * reaches here and keeps the policy point's single entry.
 *
 * <p>What the caller wanted is read from the path, as the endpoints name it: the patient from
 * {@code /api/v1/patients/{id}/…}, {@code /record/{id}/…} or a {@code patientId} parameter, or
 * from the grant {@code /api/v1/grants/{id}/…} names (a grant is about one record, and its owner
 * should see the attempt), or from a FHIR read of {@code /fhir/Patient/{id}} or the patient a FHIR
 * search names, the action from the method and the last segments. Other anonymous refusals (the profile, notices) are
 * not about medical data and are not recorded.
 */
@Service
class AnonymousRecordAttempts implements AnonymousAttempts {

    private static final Pattern PATIENT_API = Pattern.compile("^/api/v1/patients/([0-9a-fA-F-]{36})(/.*)?$");
    private static final Pattern GRANT_API = Pattern.compile("^/api/v1/grants/([0-9a-fA-F-]{36})(/.*)?$");
    private static final Pattern RECORD_PAGE = Pattern.compile("^/record(?:/([0-9a-fA-F-]{36}))?(/.*)?$");
    /** A FHIR request: the type and, for a read, the id (only public types never get here). */
    private static final Pattern FHIR = Pattern.compile("^/fhir/([A-Z][A-Za-z]+)(?:/([^/]+))?(/.*)?$");

    private static final List<String> RECORD_API =
            List.of("/api/v1/appointments", "/api/v1/record/", "/api/v1/verification-queue", "/api/v1/diary-alerts");

    private final AuditTrail audit;
    private final Grants grants;
    private final ObjectProvider<RecordResources> resources;

    AnonymousRecordAttempts(AuditTrail audit, Grants grants, ObjectProvider<RecordResources> resources) {
        this.audit = audit;
        this.grants = grants;
        this.resources = resources;
    }

    @Override
    public void refused(String method, String path, String patientParameter, String address) {
        if (path == null) {
            return;
        }
        var api = PATIENT_API.matcher(path);
        var page = RECORD_PAGE.matcher(path);
        var grant = GRANT_API.matcher(path);
        var fhir = FHIR.matcher(path);
        UUID patient;
        String rest;
        var resource = resources
                .orderedStream()
                .filter(one -> path.startsWith(one.prefix()))
                .findFirst();
        if (resource.isPresent()) {
            // An extract and the like: the record is the one the resource is about.
            String tail = path.substring(resource.get().prefix().length());
            String id = tail.split("[/.]", 2)[0];
            patient = uuid(id).flatMap(resource.get()::recordOf)
                    .map(PatientId::value)
                    .orElse(null);
            record(
                    method,
                    path,
                    patient,
                    "RECORD_" + resource.get().action(method).name(),
                    address);
            return;
        }
        if (api.matches()) {
            patient = uuid(api.group(1)).orElse(null);
            rest = api.group(2) == null ? "" : api.group(2);
        } else if (grant.matches()) {
            patient = uuid(grant.group(1))
                    .flatMap(grants::find)
                    .map(found -> found.patientId().value())
                    .orElse(null);
            rest = "/grants" + (grant.group(2) == null ? "" : grant.group(2));
        } else if (page.matches()) {
            patient = page.group(1) == null ? null : uuid(page.group(1)).orElse(null);
            rest = page.group(2) == null ? "" : page.group(2);
        } else if (fhir.matches()) {
            patient = "Patient".equals(fhir.group(1)) && fhir.group(2) != null
                    ? uuid(fhir.group(2)).orElse(null)
                    : null;
            rest = "";
        } else if (RECORD_API.stream().anyMatch(path::startsWith)) {
            patient = null;
            rest = path;
        } else {
            return;
        }
        if (patient == null && patientParameter != null) {
            patient = uuid(patientParameter).orElse(null);
        }
        record(method, path, patient, action(method, path, rest), address);
    }

    private void record(String method, String path, UUID patient, String action, String address) {
        String resource = method + " " + path;
        audit.record(new AuditEntry(
                null,
                "ANONYMOUS",
                patient,
                action,
                resource.length() <= 200 ? resource : resource.substring(0, 200),
                "UNAUTHENTICATED",
                address,
                null,
                false));
    }

    /** The action the endpoint stands for, named as the policy point names its decisions. */
    static String action(String method, String path, String rest) {
        boolean reads = "GET".equals(method) || "HEAD".equals(method);
        if (rest.startsWith("/emergency-access")) {
            return "EMERGENCY_OPEN";
        }
        RecordAction action;
        if (path.startsWith("/api/v1/appointments")) {
            action = RecordAction.ACT_FOR;
        } else if (rest.startsWith("/grants") || rest.startsWith("/access-log") || rest.startsWith("/own-phone")) {
            action = RecordAction.MANAGE_ACCESS;
        } else if (rest.startsWith("/extracts") && !(reads && rest.equals("/extracts"))) {
            // Ordering an extract, and its page, PDF and signature, are downloads (SPEC E10).
            action = RecordAction.DOWNLOAD;
        } else if (reads) {
            action = rest.endsWith("/content") || rest.endsWith("/file") ? RecordAction.DOWNLOAD : RecordAction.VIEW;
        } else if (rest.startsWith("/diary")
                || rest.startsWith("/documents")
                || rest.startsWith("/uploads")
                || rest.startsWith("/contacts")
                || rest.startsWith("/addresses")) {
            action = rest.contains("/verify") || rest.contains("/reject") || rest.startsWith("/diary/thresholds")
                    ? RecordAction.WRITE
                    : RecordAction.CONTRIBUTE;
        } else {
            action = RecordAction.WRITE;
        }
        return "RECORD_" + action.name();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
