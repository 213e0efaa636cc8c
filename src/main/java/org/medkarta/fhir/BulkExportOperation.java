package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicView;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR Bulk Data export (Bulk Data Access IG v2) for a clinic's administrator, over the records of
 * the patients the clinic cares for ({@link BulkExport}):
 *
 * <ul>
 *   <li>{@code GET /fhir/Group/{clinicId}/$export} (the clinic's patients as a group) or {@code GET
 *       /fhir/$export} (the one clinic the caller administers), with {@code Prefer: respond-async},
 *       {@code _type}, {@code _since}, {@code _outputFormat}: 202 with {@code Content-Location};
 *   <li>{@code GET} that location ({@code $export-poll-status?_jobId=}): 202 with {@code X-Progress}
 *       while running, 200 with the manifest when done; {@code DELETE} cancels (202), after which it
 *       answers 404;
 *   <li>{@code GET $export-file?_jobId=&_file=}: one NDJSON file, with the same bearer token.
 * </ul>
 *
 * Only the job's owner sees a job or its files; anyone else, as for a record, gets 404.
 */
@Component
class BulkExportOperation {

    static final String NDJSON = "application/fhir+ndjson";
    private static final Set<String> FORMATS = Set.of(NDJSON, "application/ndjson", "ndjson");

    private final BulkExport exports;
    private final BulkExportJobs jobs;
    private final PatientEverything everything;
    private final PatientScope scope;
    private final ClinicAdministrators clinics;
    private final JsonMapper json;

    BulkExportOperation(
            BulkExport exports,
            BulkExportJobs jobs,
            PatientEverything everything,
            PatientScope scope,
            ClinicAdministrators clinics,
            JsonMapper json) {
        this.exports = exports;
        this.jobs = jobs;
        this.everything = everything;
        this.scope = scope;
        this.clinics = clinics;
        this.json = json;
    }

    @Operation(name = "$export", idempotent = true, manualResponse = true, type = Group.class)
    public void group(
            @IdParam IdType id,
            @OperationParam(name = "_type", max = OperationParam.MAX_UNLIMITED) List<StringType> type,
            @OperationParam(name = "_since") InstantType since,
            @OperationParam(name = "_outputFormat") StringType format,
            ServletRequestDetails request)
            throws IOException {
        FhirCaller.required();
        kickOff(FhirIds.parse(id, ClinicId::new), type, since, format, request);
    }

    @Operation(name = "$export", idempotent = true, manualResponse = true)
    public void system(
            @OperationParam(name = "_type", max = OperationParam.MAX_UNLIMITED) List<StringType> type,
            @OperationParam(name = "_since") InstantType since,
            @OperationParam(name = "_outputFormat") StringType format,
            ServletRequestDetails request)
            throws IOException {
        var caller = FhirCaller.required();
        List<ClinicView> administered =
                caller.has(org.medkarta.identity.Role.CLINIC_ADMIN) ? clinics.administered(caller) : List.of();
        if (administered.isEmpty()) {
            throw new NotFound();
        }
        if (administered.size() > 1) {
            throw FhirErrors.failure(
                    400, IssueType.REQUIRED, scope.text("fhir.bulk.clinic-required"), "clinic-required");
        }
        kickOff(administered.get(0).id(), type, since, format, request);
    }

    private void kickOff(
            ClinicId clinic, List<StringType> type, InstantType since, StringType format, ServletRequestDetails request)
            throws IOException {
        var caller = FhirCaller.required();
        if (!respondAsync(request)) {
            throw FhirErrors.failure(400, IssueType.REQUIRED, scope.text("fhir.bulk.respond-async"), "respond-async");
        }
        if (format != null && format.getValue() != null && !FORMATS.contains(format.getValue())) {
            throw FhirErrors.failure(
                    400,
                    IssueType.NOTSUPPORTED,
                    scope.text("fhir.bulk.output-format", format.getValue()),
                    "unsupported-output-format");
        }
        Set<String> types = everything.types(
                type == null
                        ? List.of()
                        : type.stream().map(StringType::getValue).toList());
        var job = exports.start(
                caller.userId(),
                clinic,
                types,
                since == null || since.getValue() == null
                        ? null
                        : since.getValue().toInstant(),
                request.getCompleteUrl());
        var response = request.getServletResponse();
        response.setStatus(202);
        response.setHeader("Content-Location", statusUrl(request, job.id()));
        response.getOutputStream().close();
    }

    @Operation(name = "$export-poll-status", idempotent = true, manualResponse = true, deleteEnabled = true)
    public void status(@OperationParam(name = "_jobId") StringType id, ServletRequestDetails request)
            throws IOException {
        var caller = FhirCaller.required();
        UUID jobId = uuid(id);
        var response = request.getServletResponse();
        if (request.getRequestType() == RequestTypeEnum.DELETE) {
            exports.cancel(caller.userId(), jobId);
            response.setStatus(202);
            response.getOutputStream().close();
            return;
        }
        var job = exports.owned(caller.userId(), jobId);
        switch (job.status()) {
            case ACCEPTED, RUNNING -> {
                response.setStatus(202);
                response.setHeader("X-Progress", progress(job));
                response.setHeader("Retry-After", "1");
                response.getOutputStream().close();
            }
            case DONE -> {
                response.setStatus(200);
                response.setContentType("application/json;charset=UTF-8");
                response.getOutputStream().write(json.writeValueAsBytes(manifest(job, request)));
                response.getOutputStream().close();
            }
            case FAILED -> throw FhirErrors.failure(500, IssueType.EXCEPTION, job.error(), "export-failed");
            case CANCELLED -> throw new NotFound();
        }
    }

    @Operation(name = "$export-file", idempotent = true, manualResponse = true)
    public void file(
            @OperationParam(name = "_jobId") StringType id,
            @OperationParam(name = "_file") StringType file,
            ServletRequestDetails request)
            throws IOException {
        var caller = FhirCaller.required();
        var job = exports.owned(caller.userId(), uuid(id));
        if (job.status() != BulkExportJobs.Status.DONE) {
            throw new NotFound();
        }
        String content = jobs.content(job.id(), uuid(file)).orElseThrow(NotFound::new);
        var response = request.getServletResponse();
        response.setStatus(200);
        response.setContentType(NDJSON + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(content.getBytes(StandardCharsets.UTF_8));
        response.getOutputStream().close();
    }

    private Map<String, Object> manifest(BulkExportJobs.Job job, ServletRequestDetails request) {
        var output = new ArrayList<Map<String, Object>>();
        for (var file : jobs.files(job.id())) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("type", file.type());
            entry.put("url", request.getFhirServerBase() + "/$export-file?_jobId=" + job.id() + "&_file=" + file.id());
            entry.put("count", file.count());
            output.add(entry);
        }
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("transactionTime", new InstantType(java.util.Date.from(job.transactionTime())).getValueAsString());
        manifest.put("request", job.request());
        manifest.put("requiresAccessToken", true);
        manifest.put("output", output);
        manifest.put("error", List.of());
        return manifest;
    }

    private static String progress(BulkExportJobs.Job job) {
        return job.recordsTotal() == null ? "accepted" : job.recordsDone() + " of " + job.recordsTotal() + " records";
    }

    private static String statusUrl(ServletRequestDetails request, UUID job) {
        return request.getFhirServerBase() + "/$export-poll-status?_jobId=" + job;
    }

    private static boolean respondAsync(ServletRequestDetails request) {
        var prefer = request.getServletRequest().getHeaders("Prefer");
        while (prefer.hasMoreElements()) {
            if (prefer.nextElement().toLowerCase(Locale.ROOT).contains("respond-async")) {
                return true;
            }
        }
        return false;
    }

    private static UUID uuid(StringType value) {
        return PatientScope.uuid(value == null ? null : value.getValue()).orElseThrow(NotFound::new);
    }
}
