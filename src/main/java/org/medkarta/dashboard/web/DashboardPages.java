package org.medkarta.dashboard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkarta.dashboard.ClinicDashboard;
import org.medkarta.dashboard.ClinicDashboards;
import org.medkarta.dashboard.DashboardFilter;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.web.PageErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic dashboard page (SPEC J3, issue 19): filters, a chart of each figure with its table
 * beneath (the table is the chart's text alternative), the doctors' table, and the CSV download.
 * Who may see it {@link ClinicDashboards} decides; anyone else gets the not-found page.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class DashboardPages {

    private final ClinicDashboards dashboards;
    private final PageErrors errors;
    private final JsonMapper json;

    DashboardPages(ClinicDashboards dashboards, PageErrors errors, JsonMapper json) {
        this.dashboards = dashboards;
        this.errors = errors;
        this.json = json;
    }

    /** The dashboards the person may see: straight to the one, or a list of several. */
    @GetMapping("/dashboards")
    String choose(@AuthenticationPrincipal SignedInUser user, Model model) {
        var clinics = dashboards.clinicsOf(user);
        if (clinics.size() == 1) {
            return "redirect:/clinics/" + clinics.get(0).id().value() + "/dashboard";
        }
        model.addAttribute("clinics", clinics);
        return "dashboard/choose";
    }

    @GetMapping("/clinics/{id}/dashboard")
    String dashboard(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String doctorId,
            @RequestParam(required = false) String serviceId,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        ClinicId clinic = ClinicId.of(id);
        var filter = new DashboardFilter(from, to, doctorId, serviceId);
        model.addAttribute("doctors", dashboards.doctors(user, clinic));
        model.addAttribute("services", dashboards.services(user, clinic));
        model.addAttribute("filter", filter);
        model.addAttribute("clinicId", clinic.value());
        ClinicDashboard dashboard;
        try {
            dashboard = dashboards.dashboard(user, clinic, filter);
        } catch (InvalidInput invalid) {
            // The filters stay as typed, each message beside its field; no figures until they are right.
            response.setStatus(422);
            model.addAttribute("errors", errors.of(invalid, locale));
            model.addAttribute("dashboard", null);
            return "dashboard/clinic";
        }
        model.addAttribute("errors", Map.of());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("chartJson", scriptJson(chart(dashboard)));
        model.addAttribute(
                "csvQuery",
                "from=" + dashboard.from() + "&to=" + dashboard.to()
                        + (dashboard.doctor() == null
                                ? ""
                                : "&doctorId=" + dashboard.doctor().value())
                        + (dashboard.service() == null ? "" : "&serviceId=" + dashboard.service()));
        return "dashboard/clinic";
    }

    /** The figures as CSV, as the API gives them, for the page's download link. */
    @GetMapping("/clinics/{id}/dashboard.csv")
    ResponseEntity<byte[]> csv(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String doctorId,
            @RequestParam(required = false) String serviceId) {
        return DashboardApi.csvResponse(
                dashboards.dashboard(user, ClinicId.of(id), new DashboardFilter(from, to, doctorId, serviceId)));
    }

    /** The series the charts draw (static/js/dashboard-charts.js): labels and values by day. */
    private static Map<String, Object> chart(ClinicDashboard dashboard) {
        var series = new LinkedHashMap<String, Object>();
        series.put(
                "days", dashboard.days().stream().map(d -> d.date().toString()).toList());
        series.put("booked", values(dashboard, ClinicDashboard.Figures::bookedSlots));
        series.put("free", values(dashboard, ClinicDashboard.Figures::freeSlots));
        series.put("newRequests", values(dashboard, ClinicDashboard.Figures::newRequests));
        series.put("overdue", values(dashboard, ClinicDashboard.Figures::overdue));
        series.put("inWork", values(dashboard, ClinicDashboard.Figures::inWork));
        series.put("closed", values(dashboard, ClinicDashboard.Figures::closed));
        series.put("cancelled", values(dashboard, ClinicDashboard.Figures::cancelled));
        series.put("missed", values(dashboard, ClinicDashboard.Figures::missed));
        series.put("protocolsSent", values(dashboard, ClinicDashboard.Figures::protocolsSent));
        return series;
    }

    private static List<Long> values(
            ClinicDashboard dashboard, java.util.function.ToLongFunction<ClinicDashboard.Figures> figure) {
        return dashboard.days().stream()
                .map(day -> figure.applyAsLong(day.figures()))
                .toList();
    }

    private String scriptJson(Object value) {
        return json.writeValueAsString(value).replace("</", "<\\/");
    }
}
