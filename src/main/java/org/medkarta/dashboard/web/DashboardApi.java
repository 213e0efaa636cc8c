package org.medkarta.dashboard.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.medkarta.dashboard.ClinicDashboard;
import org.medkarta.dashboard.ClinicDashboards;
import org.medkarta.dashboard.DashboardFilter;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinic's dashboard over the API (SPEC J3, issue 19): the same figures as the page, as JSON or as
 * CSV. Who may see them {@link ClinicDashboards} decides; anyone else gets 404.
 */
@RestController
@Tag(name = "Clinic dashboards")
@PreAuthorize("isAuthenticated()")
class DashboardApi {

    private final ClinicDashboards dashboards;

    DashboardApi(ClinicDashboards dashboards) {
        this.dashboards = dashboards;
    }

    /** The clinic's figures by day and by doctor, with totals; {@code from}/{@code to} are days in the clinic's zone. */
    @GetMapping(path = "/api/v1/clinics/{id}/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    ClinicDashboard dashboard(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String doctorId,
            @RequestParam(required = false) String serviceId) {
        return dashboards.dashboard(user, ClinicId.of(id), new DashboardFilter(from, to, doctorId, serviceId));
    }

    /** The same figures as CSV: one row per figure per day and per doctor (DashboardCsv names the columns). */
    @GetMapping("/api/v1/clinics/{id}/dashboard.csv")
    ResponseEntity<byte[]> csv(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String doctorId,
            @RequestParam(required = false) String serviceId) {
        var dashboard = dashboards.dashboard(user, ClinicId.of(id), new DashboardFilter(from, to, doctorId, serviceId));
        return csvResponse(dashboard);
    }

    static ResponseEntity<byte[]> csvResponse(ClinicDashboard dashboard) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"dashboard-" + dashboard.from() + "-" + dashboard.to() + ".csv\"")
                .body(DashboardCsv.of(dashboard));
    }
}
